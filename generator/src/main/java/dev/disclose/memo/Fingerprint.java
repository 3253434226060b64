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
 * numbers, enums, times and paths; collections in their order, which a page shows. A value of any
 * other kind has no fingerprint, and what is made of it is made again.
 *
 * <p>A cryptographic digest, because a pull request could otherwise craft a changed advisory whose
 * page the cache would take for the old one. Thread-safe; the fingerprints of the records a value
 * holds directly are kept by identity, since every page holds the same view of the site.
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
    MessageDigest d = sha256();
    d.update((byte) 'R');
    d.update(CLASS_IDS.get(value.getClass()));
    Method[] accessors = ACCESSORS.get(value.getClass());
    for (int i = 0; i < accessors.length; i++) {
      Object component = component(value, accessors[i]);
      if (component instanceof Record r && i < last.length()) {
        Known known = last.get(i);
        if (known == null || known.record() != r) {
          known = new Known(r, record(r));
          last.set(i, known);
        }
        d.update((byte) 'H');
        d.update(known.fingerprint());
      } else {
        encode(component, d);
      }
    }
    return d.digest();
  }

  private void encode(Object value, MessageDigest d) {
    if (value == null) {
      d.update((byte) 0);
    } else if (value instanceof String s) {
      text('S', s, d);
    } else if (value instanceof Record r) {
      record(r, d);
    } else if (value instanceof Optional<?> o) {
      d.update((byte) (o.isPresent() ? 'O' : 'o'));
      if (o.isPresent()) encode(o.get(), d);
    } else if (value instanceof Collection<?> c) {
      d.update((byte) (ordered(c) ? 'L' : 'U'));
      number(c.size(), d);
      if (ordered(c)) {
        for (Object item : c) encode(item, d);
      } else {
        unordered(c.stream().map(item -> digest(item)).toList(), d);
      }
    } else if (value instanceof Map<?, ?> m) {
      d.update((byte) (ordered(m) ? 'M' : 'V'));
      number(m.size(), d);
      if (ordered(m)) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          encode(e.getKey(), d);
          encode(e.getValue(), d);
        }
      } else {
        unordered(
            m.entrySet().stream().map(e -> digest(new Entry(e.getKey(), e.getValue()))).toList(),
            d);
      }
    } else if (value instanceof Enum<?> e) {
      text('E', e.getDeclaringClass().getName() + "." + e.name(), d);
    } else if (value instanceof Boolean b) {
      d.update((byte) (b ? 'T' : 'F'));
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      d.update((byte) 'N');
      number(((Number) value).longValue(), d);
    } else if (value instanceof Double x) {
      d.update((byte) 'D');
      number(Double.doubleToLongBits(x), d);
    } else if (value instanceof Character c) {
      d.update((byte) 'C');
      number(c, d);
    } else if (value instanceof byte[] bytes) {
      d.update((byte) 'B');
      number(bytes.length, d);
      d.update(bytes);
    } else if (value instanceof Instant i) {
      d.update((byte) 'I');
      number(i.getEpochSecond(), d);
      number(i.getNano(), d);
    } else if (value instanceof LocalDate date) {
      d.update((byte) 'Y');
      number(date.toEpochDay(), d);
    } else if (value instanceof Path p) {
      text('P', p.toString(), d);
    } else if (value instanceof URI u) {
      text('U', u.toString(), d);
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
  private static void unordered(List<byte[]> items, MessageDigest d) {
    items.stream().sorted(Arrays::compareUnsigned).forEach(d::update);
  }

  private byte[] digest(Object value) {
    MessageDigest d = sha256();
    encode(value, d);
    return d.digest();
  }

  /** A record's own fingerprint. */
  private byte[] record(Record r) {
    MessageDigest d = sha256();
    record(r, d);
    return d.digest();
  }

  /** A record, in line: its class, then each component. */
  private void record(Record r, MessageDigest d) {
    d.update((byte) 'R');
    d.update(CLASS_IDS.get(r.getClass()));
    for (Method accessor : ACCESSORS.get(r.getClass())) encode(component(r, accessor), d);
  }

  private static Object component(Record r, Method accessor) {
    try {
      return accessor.invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new Unknown(r.getClass());
    }
  }

  private static void text(char tag, String s, MessageDigest d) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    d.update((byte) tag);
    number(bytes.length, d);
    d.update(bytes);
  }

  private static void number(long n, MessageDigest d) {
    byte[] bytes = new byte[Long.BYTES];
    for (int i = Long.BYTES - 1; i >= 0; i--, n >>>= 8) bytes[i] = (byte) n;
    d.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
