package dev.disclose.version;

import static dev.disclose.version.VersionAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Property checks on thousands of generated versions (seeded, so failures reproduce): each
 * generated version is spelled in random ways and compared against a model order computed from the
 * parts it was generated from, independently of the parser.
 */
class VersionPropertiesTest {
  private static final int COUNT = 3000;
  private static final int PAIRS = 30_000;

  // ---------------------------------------------------------------- PEP 440

  /** The parts of a PEP 440 version; null for an absent pre, post, dev or local part. */
  record Pep(
      long epoch,
      long[] release,
      Integer preKind,
      long preN,
      Long post,
      Long dev,
      List<Object> local) {}

  private static Pep randomPep(Random r) {
    long[] release = new long[1 + r.nextInt(4)];
    for (int i = 0; i < release.length; i++) {
      release[i] = smallOrHuge(r, 3);
    }
    Integer preKind = r.nextInt(3) == 0 ? r.nextInt(3) : null;
    long preN = preKind == null ? 0 : smallOrHuge(r, 3);
    Long post = r.nextInt(4) == 0 ? smallOrHuge(r, 2) : null;
    Long dev = r.nextInt(4) == 0 ? smallOrHuge(r, 2) : null;
    List<Object> local = null;
    if (r.nextInt(5) == 0) {
      local = new ArrayList<>();
      int n = 1 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        local.add(
            r.nextBoolean()
                ? (Object) (long) r.nextInt(12)
                : List.of("a", "abc", "b", "ubuntu", "x9").get(r.nextInt(5)));
      }
    }
    long epoch = r.nextInt(10) == 0 ? r.nextInt(3) : 0;
    return new Pep(epoch, release, preKind, preN, post, dev, local);
  }

  /** Mostly tiny numbers, so that ties and near-ties are common; sometimes a 17-digit one. */
  private static long smallOrHuge(Random r, int small) {
    return r.nextInt(50) == 0 ? 10_000_000_000_000_000L + r.nextInt(3) : r.nextInt(small);
  }

  /** The normalized form PEP 440 gives. */
  private static String canonical(Pep p) {
    StringBuilder s = new StringBuilder();
    if (p.epoch() != 0) s.append(p.epoch()).append('!');
    for (int i = 0; i < p.release().length; i++) {
      if (i > 0) s.append('.');
      s.append(p.release()[i]);
    }
    if (p.preKind() != null) s.append(List.of("a", "b", "rc").get(p.preKind())).append(p.preN());
    if (p.post() != null) s.append(".post").append(p.post());
    if (p.dev() != null) s.append(".dev").append(p.dev());
    if (p.local() != null) {
      s.append('+');
      for (int i = 0; i < p.local().size(); i++) {
        if (i > 0) s.append('.');
        s.append(p.local().get(i));
      }
    }
    return s.toString();
  }

  /** Any of the spellings PEP 440 normalizes to {@link #canonical}. */
  private static String randomSpelling(Pep p, Random r) {
    StringBuilder s = new StringBuilder();
    s.append(pick(r, "", "", "v", "V"));
    if (p.epoch() != 0 || r.nextInt(8) == 0) s.append(number(r, p.epoch())).append('!');
    for (int i = 0; i < p.release().length; i++) {
      if (i > 0) s.append('.');
      s.append(number(r, p.release()[i]));
    }
    for (int i = r.nextInt(6) == 0 ? r.nextInt(3) : 0; i > 0; i--) s.append(".0"); // trailing zeros
    boolean preNumberImplicit = false;
    if (p.preKind() != null) {
      String letters =
          switch (p.preKind()) {
            case 0 -> pick(r, "a", "alpha");
            case 1 -> pick(r, "b", "beta");
            default -> pick(r, "rc", "c", "pre", "preview");
          };
      s.append(separator(r)).append(randomCase(r, letters));
      if (p.preN() != 0 || r.nextBoolean()) {
        s.append(separator(r)).append(number(r, p.preN()));
      } else {
        preNumberImplicit = true;
      }
    }
    if (p.post() != null) {
      // After an implicit pre-release number, "-N" would be read as that number: 1.0a-1 is 1.0a1.
      if (!preNumberImplicit && r.nextInt(3) == 0) {
        s.append('-').append(number(r, p.post()));
      } else {
        s.append(separator(r)).append(randomCase(r, pick(r, "post", "rev", "r")));
        if (p.post() != 0 || r.nextBoolean()) s.append(separator(r)).append(number(r, p.post()));
      }
    }
    if (p.dev() != null) {
      s.append(separator(r)).append(randomCase(r, "dev"));
      if (p.dev() != 0 || r.nextBoolean()) s.append(separator(r)).append(number(r, p.dev()));
    }
    if (p.local() != null) {
      s.append('+');
      for (int i = 0; i < p.local().size(); i++) {
        if (i > 0) s.append(pick(r, ".", "-", "_"));
        Object part = p.local().get(i);
        s.append(part instanceof Long n ? number(r, n) : randomCase(r, (String) part));
      }
    }
    return s.toString();
  }

  /**
   * packaging's _cmpkey, over the generated parts: (epoch, release without trailing zeros, pre
   * rank, pre number, post, dev, local).
   */
  private static int pepModelCompare(Pep x, Pep y) {
    int c = Long.compare(x.epoch(), y.epoch());
    if (c != 0) return c;
    for (int i = 0; i < Math.max(x.release().length, y.release().length); i++) {
      c = Long.compare(at(x.release(), i), at(y.release(), i));
      if (c != 0) return c;
    }
    c = Integer.compare(preRank(x), preRank(y));
    if (c != 0) return c;
    c = Long.compare(x.preN(), y.preN());
    if (c != 0) return c;
    c = Long.compare(x.post() == null ? -1 : x.post(), y.post() == null ? -1 : y.post());
    if (c != 0) return c;
    c =
        Long.compare(
            x.dev() == null ? Long.MAX_VALUE : x.dev(), y.dev() == null ? Long.MAX_VALUE : y.dev());
    if (c != 0) return c;
    if (x.local() == null || y.local() == null) {
      return Boolean.compare(x.local() != null, y.local() != null);
    }
    for (int i = 0; i < Math.min(x.local().size(), y.local().size()); i++) {
      Object a = x.local().get(i);
      Object b = y.local().get(i);
      if (a instanceof Long m && b instanceof Long n) c = Long.compare(m, n);
      else if (a instanceof String s && b instanceof String t) c = s.compareTo(t);
      else c = a instanceof Long ? 1 : -1;
      if (c != 0) return c;
    }
    return Integer.compare(x.local().size(), y.local().size());
  }

  private static int preRank(Pep p) {
    if (p.preKind() != null) return p.preKind();
    return p.post() == null && p.dev() != null ? -1 : 3;
  }

  private static long at(long[] release, int i) {
    return i < release.length ? release[i] : 0;
  }

  @Test
  void pep440OrderMatchesTheModelWhateverTheSpelling() {
    Random r = new Random(440);
    List<Pep> parts = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) parts.add(randomPep(r));
    for (int i = 0; i < PAIRS; i++) {
      Pep x = parts.get(r.nextInt(COUNT));
      Pep y = parts.get(r.nextInt(COUNT));
      Version a = parse(VersionSchemes.PEP440, randomSpelling(x, r));
      Version b = parse(VersionSchemes.PEP440, randomSpelling(y, r));
      int expected = Integer.signum(pepModelCompare(x, y));
      assertThat(a.compareTo(b))
          .as("%s (%s) vs %s (%s)", a, canonical(x), b, canonical(y))
          .isEqualTo(expected);
      assertThat(a.equals(b)).as("%s equals %s", a, b).isEqualTo(expected == 0);
    }
  }

  @Test
  void pep440SpellingsOfTheSameVersionAreEqualAndHashAlike() {
    Random r = new Random(4400);
    for (int i = 0; i < COUNT; i++) {
      Pep p = randomPep(r);
      Version canonical = parse(VersionSchemes.PEP440, canonical(p));
      Version spelled = parse(VersionSchemes.PEP440, randomSpelling(p, r));
      assertThat(spelled).as("%s vs %s", spelled, canonical).isEqualTo(canonical);
      assertThat(spelled.compareTo(canonical)).as("%s vs %s", spelled, canonical).isZero();
      assertThat(spelled.hashCode())
          .as("hash of %s vs %s", spelled, canonical)
          .isEqualTo(canonical.hashCode());
    }
  }

  @Test
  void pep440ComparisonIsAntisymmetricTransitiveAndStableUnderReparsing() {
    Random r = new Random(44);
    checkOrderLaws(VersionSchemes.PEP440, r, () -> randomSpelling(randomPep(r), r));
  }

  // ---------------------------------------------------------------- SemVer

  /** The parts of a SemVer version. */
  record Sem(int major, int minor, int patch, List<String> pre) {}

  private static final List<String> IDENTIFIERS =
      List.of(
          "0",
          "1",
          "2",
          "10",
          "11",
          "99999999999999999999",
          "100000000000000000000",
          "-",
          "a",
          "A",
          "alpha",
          "alpha1",
          "alpha10",
          "alpha9",
          "beta",
          "rc",
          "x-y",
          "0a",
          "undef",
          "20210101000000-abcdef123456");

  private static Sem randomSem(Random r) {
    List<String> pre = new ArrayList<>();
    if (r.nextInt(3) > 0) {
      for (int i = 1 + r.nextInt(3); i > 0; i--)
        pre.add(IDENTIFIERS.get(r.nextInt(IDENTIFIERS.size())));
    }
    int big = Integer.MAX_VALUE;
    return new Sem(
        r.nextInt(40) == 0 ? big : r.nextInt(3),
        r.nextInt(3),
        r.nextInt(40) == 0 ? big - 1 : r.nextInt(3),
        pre);
  }

  private static String semSpelling(Sem s, Random r) {
    StringBuilder b = new StringBuilder();
    if (r.nextBoolean()) b.append('v');
    b.append(s.major()).append('.').append(s.minor()).append('.').append(s.patch());
    if (!s.pre().isEmpty()) b.append('-').append(String.join(".", s.pre()));
    if (r.nextInt(4) == 0)
      b.append('+').append(pick(r, "build", "001", "a.b.c", "incompatible", "x-y.1"));
    return b.toString();
  }

  /** semver.org §11, written against the generated parts with BigInteger numbers. */
  private static int semModelCompare(Sem x, Sem y) {
    Comparator<Sem> core =
        Comparator.comparingInt(Sem::major)
            .thenComparingInt(Sem::minor)
            .thenComparingInt(Sem::patch);
    int c = core.compare(x, y);
    if (c != 0) return c;
    if (x.pre().isEmpty() != y.pre().isEmpty()) return x.pre().isEmpty() ? 1 : -1;
    for (int i = 0; i < Math.min(x.pre().size(), y.pre().size()); i++) {
      String a = x.pre().get(i);
      String b = y.pre().get(i);
      boolean na = a.chars().allMatch(Character::isDigit);
      boolean nb = b.chars().allMatch(Character::isDigit);
      if (na && nb) c = new BigInteger(a).compareTo(new BigInteger(b));
      else if (na != nb) c = na ? -1 : 1;
      else c = a.compareTo(b);
      if (c != 0) return c;
    }
    return Integer.compare(x.pre().size(), y.pre().size());
  }

  @Test
  void semverOrderMatchesTheModelWhateverTheSpelling() {
    Random r = new Random(200);
    List<Sem> parts = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) parts.add(randomSem(r));
    for (int i = 0; i < PAIRS; i++) {
      Sem x = parts.get(r.nextInt(COUNT));
      Sem y = parts.get(r.nextInt(COUNT));
      Version a = parse(VersionSchemes.SEMVER, semSpelling(x, r));
      Version b = parse(VersionSchemes.SEMVER, semSpelling(y, r));
      int expected = Integer.signum(semModelCompare(x, y));
      assertThat(a.compareTo(b)).as("%s vs %s", a, b).isEqualTo(expected);
      assertThat(a.equals(b)).as("%s equals %s", a, b).isEqualTo(expected == 0);
      if (expected == 0)
        assertThat(a.hashCode()).as("hash of %s vs %s", a, b).isEqualTo(b.hashCode());
    }
  }

  @Test
  void semverComparisonIsAntisymmetricTransitiveAndStableUnderReparsing() {
    Random r = new Random(20);
    checkOrderLaws(VersionSchemes.SEMVER, r, () -> semSpelling(randomSem(r), r));
  }

  // ---------------------------------------------------------------- shared

  private static void checkOrderLaws(VersionScheme scheme, Random r, Supplier<String> texts) {
    List<Version> versions = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      Version v = parse(scheme, texts.get());
      Version again = parse(scheme, v.text());
      assertThat(again.text()).isEqualTo(v.text());
      assertThat(again.compareTo(v)).as("reparsed %s", v).isZero();
      assertThat(again).isEqualTo(v).hasSameHashCodeAs(v);
      versions.add(v);
    }
    Function<Integer, Version> any = n -> versions.get(r.nextInt(versions.size()));
    for (int i = 0; i < PAIRS; i++) {
      Version a = any.apply(0);
      Version b = any.apply(0);
      Version c = any.apply(0);
      int ab = a.compareTo(b);
      assertThat(b.compareTo(a)).as("antisymmetry of %s and %s", a, b).isEqualTo(-ab);
      assertThat(a.equals(b)).as("%s equals %s", a, b).isEqualTo(ab == 0);
      int bc = b.compareTo(c);
      int ac = a.compareTo(c);
      if (ab <= 0 && bc <= 0) {
        assertThat(ac).as("transitivity of %s <= %s <= %s", a, b, c).isLessThanOrEqualTo(0);
        if (ab == 0 && bc == 0) assertThat(ac).as("%s = %s = %s", a, b, c).isZero();
      }
      if (ab >= 0 && bc >= 0) {
        assertThat(ac).as("transitivity of %s >= %s >= %s", a, b, c).isGreaterThanOrEqualTo(0);
      }
    }
    // A sort must leave every pair, not just neighbours, in order.
    List<Version> sorted = new ArrayList<>(versions);
    sorted.sort(null);
    for (int i = 0; i < PAIRS; i++) {
      int x = r.nextInt(sorted.size());
      int y = r.nextInt(sorted.size());
      int lo = Math.min(x, y);
      int hi = Math.max(x, y);
      assertThat(sorted.get(lo).compareTo(sorted.get(hi)))
          .as("sorted %s before %s", sorted.get(lo), sorted.get(hi))
          .isLessThanOrEqualTo(0);
    }
  }

  // ---------------------------------------------------------------- spelling helpers

  @SafeVarargs
  private static <T> T pick(Random r, T... options) {
    return options[r.nextInt(options.length)];
  }

  private static String separator(Random r) {
    return pick(r, "", "", ".", "-", "_");
  }

  private static String number(Random r, long n) {
    return (r.nextInt(8) == 0 ? "0".repeat(1 + r.nextInt(2)) : "") + n;
  }

  private static String randomCase(Random r, String s) {
    return switch (r.nextInt(4)) {
      case 0 -> s.toUpperCase(Locale.ROOT);
      case 1 -> Character.toUpperCase(s.charAt(0)) + s.substring(1);
      default -> s;
    };
  }
}
