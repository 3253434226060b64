package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.EmbargoPolicy;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names nothing published may carry at {@code now}: the ID and aliases of every advisory the
 * catalog does not publish then (drafts, embargoed, anything with an embargo still ahead), and the
 * IDs of advisories the site holds without their text (sealed files, known by file name only).
 * Names a public advisory also carries are left out: they disclose nothing new.
 *
 * <p>Text is matched after folding, so that a disguised name matches as it renders: case, Markdown
 * backslash escapes, HTML entities (numeric and named), NFKC compatibility forms, the hyphen
 * family, invisible characters and the Cyrillic and Greek letters that look Latin. Matching walks a
 * trie from each word start, so it takes time linear in the text whatever the text holds.
 */
public final class EmbargoedNames {
  /** What a forbidden name belongs to: an advisory's ID, and how it is held back. */
  public record Owner(String id, String state) {}

  /**
   * A forbidden name found in a line: where it starts and ends in the line, the text there, its
   * owner, and whether it is the owner's ID (else one of its aliases).
   */
  public record Match(int start, int end, String found, Owner owner, boolean isId) {}

  /** A held-back name: whose it is, and whether it is that advisory's ID. */
  private record Name(Owner owner, boolean isId) {}

  private static final EmbargoedNames NONE = new EmbargoedNames(Map.of());

  /** Folded name → whose; what {@link #equals} compares, so a memo sees the same set as equal. */
  private final Map<String, Name> names;

  private final Node trie = new Node();

  private EmbargoedNames(Map<String, Name> names) {
    this.names = Map.copyOf(names);
    this.names.forEach(this::add);
  }

  /**
   * The names held back at {@code now}. {@code extraIds}: IDs of advisories that are not public at
   * {@code now} but whose files cannot be read (sealed files, by their file name); each is held
   * back as sealed.
   */
  public static EmbargoedNames of(
      List<Advisory> advisories, Instant now, Collection<String> extraIds) {
    Set<String> published = new HashSet<>();
    Map<String, Name> held = new LinkedHashMap<>();
    for (Advisory a : advisories) {
      if (EmbargoPolicy.isPublic(a, now)) {
        published.add(fold(a.id()).text());
        for (String alias : a.aliases()) published.add(fold(alias).text());
        continue;
      }
      if (a.id().isBlank()) continue;
      Owner owner =
          new Owner(
              a.id(),
              a.embargo().isPresent() ? "embargoed until " + a.embargo().get() : "not published");
      held.put(fold(a.id()).text(), new Name(owner, true));
      for (String alias : a.aliases()) held.putIfAbsent(fold(alias).text(), new Name(owner, false));
    }
    for (String id : extraIds) {
      held.putIfAbsent(fold(id).text(), new Name(new Owner(id, "sealed and not published"), true));
    }
    held.keySet().removeIf(name -> name.isEmpty() || published.contains(name));
    return held.isEmpty() ? NONE : new EmbargoedNames(held);
  }

  /** Whether nothing is held back: no text needs scanning. */
  public boolean isEmpty() {
    return names.isEmpty();
  }

  /** Every held-back name in {@code line}, in order, none overlapping. */
  public List<Match> find(String line) {
    if (names.isEmpty() || line.isEmpty()) return List.of();
    Folded folded = fold(line);
    String t = folded.text();
    List<Match> out = new ArrayList<>();
    int s = 0;
    while (s < t.length()) {
      if (s > 0 && Character.isLetterOrDigit(t.charAt(s - 1))) {
        s++;
        continue;
      }
      // The longest name starting here that ends at a word boundary.
      Node n = trie;
      int end = -1;
      Name owner = null;
      for (int e = s; e < t.length(); e++) {
        n = n.children.get(t.charAt(e));
        if (n == null) break;
        if (n.owner != null
            && (e + 1 == t.length() || !Character.isLetterOrDigit(t.charAt(e + 1)))) {
          end = e + 1;
          owner = n.owner;
        }
      }
      if (owner == null) {
        s++;
        continue;
      }
      int from = folded.from()[s];
      int to = folded.to()[end - 1];
      out.add(new Match(from, to, line.substring(from, to), owner.owner(), owner.isId()));
      s = end;
    }
    return out;
  }

  private void add(String name, Name owner) {
    Node n = trie;
    for (int i = 0; i < name.length(); i++)
      n = n.children.computeIfAbsent(name.charAt(i), c -> new Node());
    n.owner = owner;
  }

  private static final class Node {
    final Map<Character, Node> children = new HashMap<>(4);
    Name owner;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EmbargoedNames other && names.equals(other.names);
  }

  @Override
  public int hashCode() {
    return names.hashCode();
  }

  /**
   * A line folded for matching, and for each of its chars the span of the line it came from ({@code
   * from} inclusive, {@code to} exclusive).
   */
  record Folded(String text, int[] from, int[] to) {}

  /** {@code line} as a reader sees it once rendered, lower-cased and with look-alikes folded. */
  static Folded fold(String line) {
    StringBuilder out = new StringBuilder(line.length());
    int[] from = new int[line.length() + 8];
    int[] to = new int[line.length() + 8];
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      int start = i;
      int cp;
      if (c == '\\' && i + 1 < line.length() && isAsciiPunctuation(line.charAt(i + 1))) {
        // An escaped character renders as itself, and is never the start of an entity.
        cp = line.charAt(i + 1);
        i += 2;
      } else if (c == '&' && (cp = entity(line, i)) >= 0) {
        i = line.indexOf(';', i) + 1;
      } else {
        cp = line.codePointAt(i);
        i += Character.charCount(cp);
      }
      int before = out.length();
      appendFolded(cp, out);
      for (int k = before; k < out.length(); k++) {
        if (k >= from.length) {
          from = Arrays.copyOf(from, from.length * 2);
          to = Arrays.copyOf(to, to.length * 2);
        }
        from[k] = start;
        to[k] = i;
      }
    }
    return new Folded(out.toString(), from, to);
  }

  private static void appendFolded(int cp, StringBuilder out) {
    if (cp < 0x80) {
      out.append((char) Character.toLowerCase(cp));
      return;
    }
    if (isInvisible(cp)) return;
    if (isHyphen(cp)) {
      out.append('-');
      return;
    }
    String normalized =
        Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
    for (int k = 0; k < normalized.length(); ) {
      int n = normalized.codePointAt(k);
      k += Character.charCount(n);
      if (isInvisible(n)) continue;
      if (isHyphen(n)) {
        out.append('-');
        continue;
      }
      char latin = LOOK_ALIKES.getOrDefault(n, (char) 0);
      if (latin != 0) out.append(latin);
      else out.appendCodePoint(Character.toLowerCase(n));
    }
  }

  private static boolean isHyphen(int cp) {
    return (cp >= 0x2010 && cp <= 0x2015)
        || cp == 0x2212
        || cp == 0xFE58
        || cp == 0xFE63
        || cp == 0xFF0D;
  }

  /** Characters that render as nothing: format characters, joiners and variation selectors. */
  private static boolean isInvisible(int cp) {
    return Character.getType(cp) == Character.FORMAT
        || cp == 0x034F
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF)
        || cp == 0x115F
        || cp == 0x1160
        || cp == 0x3164
        || cp == 0xFFA0;
  }

  private static boolean isAsciiPunctuation(char c) {
    return c < 0x80 && c > 0x20 && !Character.isLetterOrDigit(c) && c != 0x7F;
  }

  /**
   * The code point of the HTML entity at {@code at} ({@code &#45;}, {@code &#x2D;}, {@code
   * &hyphen;}), or -1 if there is none. Named entities are those that render as a letter, a digit,
   * a hyphen, a space or nothing: the others cannot disguise an ID.
   */
  private static int entity(String s, int at) {
    int semi = s.indexOf(';', at + 1);
    if (semi < 0 || semi - at > 34) return -1;
    String body = s.substring(at + 1, semi);
    if (body.startsWith("#x") || body.startsWith("#X")) return number(body.substring(2), 16, 6);
    if (body.startsWith("#")) return number(body.substring(1), 10, 7);
    Integer named = NAMED.get(body);
    if (named != null) return named;
    // The mathematical letters: &Copf; is ℂ, &Vfr; is 𝔙, &Escr; is ℰ; each folds to its letter.
    if (body.length() >= 3 && isAsciiLetter(body.charAt(0))) {
      String kind = body.substring(1);
      if (kind.equals("opf") || kind.equals("fr") || kind.equals("scr")) return body.charAt(0);
    }
    return -1;
  }

  private static int number(String digits, int radix, int max) {
    if (digits.isEmpty() || digits.length() > max) return -1;
    int value = 0;
    for (int k = 0; k < digits.length(); k++) {
      int d = Character.digit(digits.charAt(k), radix);
      if (d < 0) return -1;
      value = value * radix + d;
    }
    // CommonMark renders an invalid code point as the replacement character.
    return value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) ? 0xFFFD : value;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** HTML's named entities for hyphens, spaces and invisible characters, and a few ASCII ones. */
  private static final Map<String, Integer> NAMED =
      Map.ofEntries(
          Map.entry("hyphen", 0x2010),
          Map.entry("dash", 0x2010),
          Map.entry("ndash", 0x2013),
          Map.entry("mdash", 0x2014),
          Map.entry("horbar", 0x2015),
          Map.entry("minus", 0x2212),
          Map.entry("nbsp", 0xA0),
          Map.entry("NonBreakingSpace", 0xA0),
          Map.entry("ensp", 0x2002),
          Map.entry("emsp", 0x2003),
          Map.entry("emsp13", 0x2004),
          Map.entry("emsp14", 0x2005),
          Map.entry("numsp", 0x2007),
          Map.entry("puncsp", 0x2008),
          Map.entry("thinsp", 0x2009),
          Map.entry("ThinSpace", 0x2009),
          Map.entry("hairsp", 0x200A),
          Map.entry("VeryThinSpace", 0x200A),
          Map.entry("MediumSpace", 0x205F),
          Map.entry("ZeroWidthSpace", 0x200B),
          Map.entry("NegativeVeryThinSpace", 0x200B),
          Map.entry("NegativeThinSpace", 0x200B),
          Map.entry("NegativeMediumSpace", 0x200B),
          Map.entry("NegativeThickSpace", 0x200B),
          Map.entry("zwnj", 0x200C),
          Map.entry("zwj", 0x200D),
          Map.entry("lrm", 0x200E),
          Map.entry("rlm", 0x200F),
          Map.entry("NoBreak", 0x2060),
          Map.entry("af", 0x2061),
          Map.entry("ApplyFunction", 0x2061),
          Map.entry("it", 0x2062),
          Map.entry("InvisibleTimes", 0x2062),
          Map.entry("ic", 0x2063),
          Map.entry("InvisibleComma", 0x2063),
          Map.entry("shy", 0xAD),
          Map.entry("amp", (int) '&'),
          Map.entry("lt", (int) '<'),
          Map.entry("gt", (int) '>'),
          Map.entry("quot", (int) '"'),
          Map.entry("apos", (int) '\''),
          Map.entry("period", (int) '.'),
          Map.entry("colon", (int) ':'),
          Map.entry("lowbar", (int) '_'),
          Map.entry("UnderBar", (int) '_'),
          Map.entry("sol", (int) '/'),
          Map.entry("bsol", (int) '\\'),
          Map.entry("num", (int) '#'));

  /** Cyrillic and Greek letters drawn like a Latin letter or digit, which NFKC leaves alone. */
  private static final Map<Integer, Character> LOOK_ALIKES = lookAlikes();

  private static Map<Integer, Character> lookAlikes() {
    Map<Integer, Character> m = new HashMap<>();
    String[][] pairs = {
      // Cyrillic capitals and small letters
      {"АВЕЅІЈКМНОРСТХУ", "abesijkmhopctxy"},
      {"аеѕіјорсхуԁһԛԝ", "aesijopcxydhqw"},
      // Greek capitals and small letters
      {"ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "abezhikmnoptyx"},
      {"οιν", "oiv"},
    };
    for (String[] p : pairs) {
      for (int k = 0; k < p[0].length(); k++) m.put((int) p[0].charAt(k), p[1].charAt(k));
    }
    return Map.copyOf(m);
  }
}
