package dev.disclose.version;

import java.util.List;
import java.util.regex.Pattern;
import org.semver4j.Semver;

/**
 * Semantic Versioning 2.0.0 (https://semver.org), as used by crates.io, npm and Go.
 *
 * <p>Syntax is checked by semver4j's strict parser, which also accepts a leading {@code v} (Go
 * writes {@code v1.2.3}). Precedence is implemented here per SemVer §11 rather than taken from
 * semver4j, whose {@code compareTo} departs from the specification: it compares identifiers such as
 * {@code alpha10} and {@code alpha9} by their embedded numbers, treats an identifier spelled {@code
 * undef} as missing, puts {@code -} before digits, and fails on numeric identifiers longer than a
 * {@code long}. Build metadata is ignored for ordering, so {@code 1.0.0+a} and {@code 1.0.0+b} are
 * equal versions, as are {@code v1.0.0} and {@code 1.0.0}.
 */
final class SemVerScheme extends AbstractVersionScheme {
  private static final Pattern NUMBER = Pattern.compile("[0-9]+");
  private static final Pattern IDENTIFIER = Pattern.compile("[0-9A-Za-z-]+");
  private static final Pattern NUMBER_THEN_LETTERS = Pattern.compile("[0-9]+[A-Za-z][0-9A-Za-z]*");
  private static final String SHAPE = "expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD], like 1.2.0";

  /**
   * Parsed form; numeric pre-release identifiers never have leading zeros, so text equality works.
   */
  record Key(int major, int minor, int patch, List<String> preRelease) {}

  SemVerScheme() {
    super("SemVer 2.0", "a SemVer 2.0 version");
  }

  @Override
  public boolean isOrdered() {
    return true;
  }

  @Override
  Object parseKey(String text) throws InvalidVersionException {
    // Semver.parse returns null for invalid input (including numbers too big for an int).
    Semver semver = Semver.parse(text);
    if (semver == null) {
      throw invalid(text, diagnose(text));
    }
    return new Key(
        semver.getMajor(),
        semver.getMinor(),
        semver.getPatch(),
        List.copyOf(semver.getPreRelease()));
  }

  @Override
  int compareKeys(Object a, Object b) {
    Key x = (Key) a;
    Key y = (Key) b;
    int c = Integer.compare(x.major(), y.major());
    if (c == 0) c = Integer.compare(x.minor(), y.minor());
    if (c == 0) c = Integer.compare(x.patch(), y.patch());
    if (c == 0) c = comparePreReleases(x.preRelease(), y.preRelease());
    return c;
  }

  @Override
  int hashKey(Object key) {
    return key.hashCode();
  }

  /** SemVer §11.3–11.4: a version without pre-release ranks above one with it. */
  private static int comparePreReleases(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty());
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareIdentifiers(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /**
   * Numeric identifiers compare numerically (they have no leading zeros, so by length then digits)
   * and rank below alphanumeric ones, which compare in ASCII order.
   */
  private static int compareIdentifiers(String a, String b) {
    boolean numericA = isDigits(a);
    boolean numericB = isDigits(b);
    if (numericA && numericB) {
      int c = Integer.compare(a.length(), b.length());
      return c != 0 ? c : a.compareTo(b);
    }
    if (numericA || numericB) {
      return numericA ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Says what is wrong with a text semver4j rejected. */
  static String diagnose(String text) {
    char first = text.charAt(0);
    if ("^~<>=*[(".indexOf(first) >= 0 || text.contains("||") || text.contains(",")) {
      return "it looks like a version range; write a single version, like 1.2.0";
    }
    String prefix = "";
    String rest = text;
    if (first == 'v') {
      prefix = "v";
      rest = text.substring(1);
    } else if (first == 'V') {
      String lowercase = "v" + text.substring(1);
      // Point out the case only if it is the last problem; other advice shows the right case.
      return Semver.parse(lowercase) != null
          ? "the `v` prefix must be lowercase, like " + lowercase
          : diagnose(lowercase);
    }
    String build = null;
    int plus = rest.indexOf('+');
    if (plus >= 0) {
      build = rest.substring(plus + 1);
      rest = rest.substring(0, plus);
    }
    String preRelease = null;
    int hyphen = rest.indexOf('-');
    if (hyphen >= 0) {
      preRelease = rest.substring(hyphen + 1);
      rest = rest.substring(0, hyphen);
    }

    String coreProblem = coreProblem(prefix, rest);
    if (coreProblem != null) {
      return coreProblem;
    }
    if (preRelease != null) {
      String problem = identifiersProblem("pre-release", "-", preRelease, true);
      if (problem != null) {
        return problem;
      }
    }
    if (build != null) {
      String problem = identifiersProblem("build metadata", "+", build, false);
      if (problem != null) {
        return problem;
      }
    }
    return SHAPE;
  }

  private static String coreProblem(String prefix, String core) {
    String[] parts = core.split("\\.", -1);
    boolean allNumbers = true;
    for (String part : parts) {
      allNumbers &= NUMBER.matcher(part).matches();
    }
    if (allNumbers && parts.length < 3) {
      StringBuilder like = new StringBuilder(prefix).append(core);
      for (int i = parts.length; i < 3; i++) {
        like.append(".0");
      }
      return "expected MAJOR.MINOR.PATCH, like " + like;
    }
    if (allNumbers && parts.length > 3) {
      return "expected exactly three numbers MAJOR.MINOR.PATCH, but found "
          + parts.length
          + "; anything more belongs in a pre-release (-…) or build (+…) suffix";
    }
    if (!allNumbers) {
      for (String part : parts) {
        if (part.equals("x") || part.equals("X") || part.equals("*")) {
          return "it looks like a version range; write a single version, like 1.2.0";
        }
      }
      if (parts.length == 3
          && NUMBER.matcher(parts[0]).matches()
          && NUMBER.matcher(parts[1]).matches()
          && NUMBER_THEN_LETTERS.matcher(parts[2]).matches()) {
        int letters = 0;
        while (Character.isDigit(parts[2].charAt(letters))) letters++;
        return "a pre-release must follow a hyphen, like "
            + prefix
            + parts[0]
            + "."
            + parts[1]
            + "."
            + parts[2].substring(0, letters)
            + "-"
            + parts[2].substring(letters);
      }
      return parts.length == 3
          ? "MAJOR, MINOR and PATCH must be non-negative whole numbers, like 1.2.0"
          : SHAPE;
    }
    for (String part : parts) {
      if (part.length() > 1 && part.charAt(0) == '0') {
        return "the number `" + part + "` must not have a leading zero";
      }
    }
    for (String part : parts) {
      if (part.length() > 10 || Long.parseLong(part) > Integer.MAX_VALUE) {
        return "the number `"
            + part
            + "` is too large; numbers above "
            + Integer.MAX_VALUE
            + " are not supported";
      }
    }
    return null;
  }

  private static String identifiersProblem(
      String what, String separator, String value, boolean numericNeedsNoLeadingZero) {
    if (value.isEmpty()) {
      return "the " + what + " after `" + separator + "` is empty";
    }
    for (String identifier : value.split("\\.", -1)) {
      if (identifier.isEmpty()) {
        return "the "
            + what
            + " contains an empty identifier (two dots in a row, or a dot at an end)";
      }
      if (!IDENTIFIER.matcher(identifier).matches()) {
        return "the "
            + what
            + " identifier `"
            + identifier
            + "` may only contain ASCII letters, digits and hyphens";
      }
      if (numericNeedsNoLeadingZero
          && identifier.length() > 1
          && identifier.charAt(0) == '0'
          && isDigits(identifier)) {
        return "the numeric "
            + what
            + " identifier `"
            + identifier
            + "` must not have a leading zero";
      }
    }
    return null;
  }
}
