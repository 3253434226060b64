package dev.disclose.memo;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The SHA-256 of what a value is made of, equal for equal values in any process: what a saved memo
 * keeps in place of the value itself, so that a later build can tell that the file made of it would
 * be made again byte for byte. Records are taken apart component by component, down to strings,
 * numbers, enums, times and paths; lists and linked or sorted collections in their order, which a
 * page shows, hash sets and maps in none, since theirs changes from one process to the next. A
 * value of any other kind has no fingerprint, and what is made of it is made again.
 *
 * <p>A cryptographic digest, because a pull request could otherwise craft a changed advisory whose
 * page the cache would take for the old one. A value is written out whole, tagged and
 * length-prefixed so that no two values write the same bytes, and digested once. Thread-safe.
 */
public final class Fingerprint {
  /** A value of a kind that has no fingerprint. */
  public static final class Unknown extends RuntimeException {
    Unknown(Class<?> type) {
      super("no fingerprint for " + type.getName());
    }
  }

  private static final ClassValue<Method[]> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          Method[] accessors = new Method[components.length];
          for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
          }
          return accessors;
        }
      };

  /** Each record class's name, digested to a few bytes: shorter than the name in every record. */
  private static final ClassValue<byte[]> CLASS_IDS =
      new ClassValue<>() {
        @Override
        protected byte[] computeValue(Class<?> type) {
          return Arrays.copyOf(
              sha256().digest(type.getName().getBytes(StandardCharsets.UTF_8)), Long.BYTES);
        }
      };

  /** A record held directly by a value asked about, and its fingerprint. */
  private record Known(Record record, byte[] fingerprint) {}

  /**
   * The last record seen as each component of the values asked about, by the component's index:
   * every page holds the same site, and holding one record per component keeps nothing else alive.
   */
  private final AtomicReferenceArray<Known> last = new AtomicReferenceArray<>(8);

  /** The fingerprint of {@code value}; throws {@link Unknown} for a value it cannot take apart. */
  public byte[] of(Record value) {
    Bytes out = new Bytes();
    out.tag('R');
    out.put(CLASS_IDS.get(value.getClass()));
    Method[] accessors = ACCESSORS.get(value.getClass());
    for (int i = 0; i < accessors.length; i++) {
      Object component = component(value, accessors[i]);
      if (component instanceof Record r && i < last.length()) {
        Known known = last.get(i);
        if (known == null || known.record() != r) {
          known = new Known(r, digest(r));
          last.set(i, known);
        }
        out.tag('H');
        out.put(known.fingerprint());
      } else {
        encode(component, out);
      }
    }
    return out.digest();
  }

  /** The bytes a value is written as, before they are digested. */
  private static final class Bytes {
    private byte[] bytes = new byte[1024];
    private int length;

    void tag(char tag) {
      room(1);
      bytes[length++] = (byte) tag;
    }

    void number(long n) {
      room(Long.BYTES);
      for (int i = Long.BYTES - 1; i >= 0; i--, n >>>= 8) bytes[length + i] = (byte) n;
      length += Long.BYTES;
    }

    void put(byte[] b) {
      room(b.length);
      System.arraycopy(b, 0, bytes, length, b.length);
      length += b.length;
    }

    void text(char tag, String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      tag(tag);
      number(b.length);
      put(b);
    }

    private void room(int more) {
      if (length + more > bytes.length)
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }

    byte[] digest() {
      MessageDigest d = sha256();
      d.update(bytes, 0, length);
      return d.digest();
    }
  }

  private void encode(Object value, Bytes out) {
    if (value == null) {
      out.tag('0');
    } else if (value instanceof String s) {
      out.text('S', s);
    } else if (value instanceof Record r) {
      record(r, out);
    } else if (value instanceof Optional<?> o) {
      out.tag(o.isPresent() ? 'O' : 'o');
      if (o.isPresent()) encode(o.get(), out);
    } else if (value instanceof Collection<?> c) {
      out.tag(ordered(c) ? 'L' : 'U');
      out.number(c.size());
      if (ordered(c)) {
        for (Object item : c) encode(item, out);
      } else {
        unordered(c.stream().map(this::digest).toList(), out);
      }
    } else if (value instanceof Map<?, ?> m) {
      out.tag(ordered(m) ? 'M' : 'V');
      out.number(m.size());
      if (ordered(m)) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          encode(e.getKey(), out);
          encode(e.getValue(), out);
        }
      } else {
        unordered(
            m.entrySet().stream().map(e -> digest(new Entry(e.getKey(), e.getValue()))).toList(),
            out);
      }
    } else if (value instanceof Enum<?> e) {
      out.text('E', e.getDeclaringClass().getName() + "." + e.name());
    } else if (value instanceof Boolean b) {
      out.tag(b ? 'T' : 'F');
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      out.tag('N');
      out.number(((Number) value).longValue());
    } else if (value instanceof Double x) {
      out.tag('D');
      out.number(Double.doubleToLongBits(x));
    } else if (value instanceof Character c) {
      out.tag('C');
      out.number(c);
    } else if (value instanceof byte[] bytes) {
      out.tag('B');
      out.number(bytes.length);
      out.put(bytes);
    } else if (value instanceof Instant i) {
      out.tag('I');
      out.number(i.getEpochSecond());
      out.number(i.getNano());
    } else if (value instanceof LocalDate date) {
      out.tag('Y');
      out.number(date.toEpochDay());
    } else if (value instanceof Path p) {
      out.text('P', p.toString());
    } else if (value instanceof URI u) {
      out.text('U', u.toString());
    } else {
      throw new Unknown(value.getClass());
    }
  }

  /** A map's entry, taken apart as a record. */
  private record Entry(Object key, Object value) {}

  /**
   * Whether a collection's order is its own: a list's, a sorted or linked one's. A hash set's or
   * {@code Map.of}'s order differs from one process to the next, so theirs is not, and what is made
   * of them cannot depend on it.
   */
  private static boolean ordered(Object collection) {
    return collection instanceof List
        || collection instanceof SortedSet
        || collection instanceof SortedMap
        || collection instanceof LinkedHashSet
        || collection instanceof LinkedHashMap;
  }

  /** The items' fingerprints in byte order: the same for the same items in any order. */
  private static void unordered(List<byte[]> items, Bytes out) {
    items.stream().sorted(Arrays::compareUnsigned).forEach(out::put);
  }

  /** The fingerprint of one value of any kind. */
  private byte[] digest(Object value) {
    Bytes out = new Bytes();
    encode(value, out);
    return out.digest();
  }

  /** A record, in line: its class, then each component. */
  private void record(Record r, Bytes out) {
    out.tag('R');
    out.put(CLASS_IDS.get(r.getClass()));
    for (Method accessor : ACCESSORS.get(r.getClass())) encode(component(r, accessor), out);
  }

  private static Object component(Record r, Method accessor) {
    try {
      return accessor.invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new Unknown(r.getClass());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
