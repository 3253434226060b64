package dev.disclose.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 440 (https://peps.python.org/pep-0440/), the Python Package Index's versions, parsed and
 * ordered as the reference implementation, {@code packaging.version.Version}, does.
 *
 * <p>Every spelling PEP 440 normalizes is accepted: any case, a leading {@code v}, {@code
 * alpha}/{@code beta}/{@code c}/{@code pre}/{@code preview} for {@code a}/{@code b}/{@code rc},
 * optional {@code .}/{@code -}/{@code _} separators, implicit numbers ({@code 1.0a} = {@code
 * 1.0a0}), {@code -N}/{@code rev}/{@code r} for post releases. Surrounding whitespace, which {@code
 * packaging} strips, is rejected. Numbers are compared exactly whatever their length.
 */
final class Pep440Scheme extends AbstractVersionScheme {
  /**
   * packaging's VERSION_PATTERN; Java's CASE_INSENSITIVE folds ASCII only, as {@code (?a:)} does.
   */
  static final Pattern PATTERN =
      Pattern.compile(
          "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
              + "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
              + "(?<post>(?:-(?<postN1>[0-9]+))"
              + "|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?"
              + "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
              + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LOCAL_SEPARATOR = Pattern.compile("[-_.]");
  private static final String SUFFIXES =
      "PEP 440 allows only aN, bN, rcN, .postN, .devN and +local after the release numbers";

  // Pre-release ranks: dev-only releases sort before alphas; releases without one after rcs.
  static final int DEV_ONLY = 0;
  static final int ALPHA = 1;
  static final int BETA = 2;
  static final int RC = 3;
  static final int NO_PRE = 4;

  /** A local version segment: a number (without leading zeros) or lower-case letters and digits. */
  record LocalPart(boolean numeric, String value) {}

  /**
   * Parsed, normalized form: numbers without leading zeros, release without trailing zeros, absent
   * post/dev/local as null. Record equality is therefore PEP 440 equality.
   *
   * @param preRank {@link #DEV_ONLY}, {@link #ALPHA}, {@link #BETA}, {@link #RC} or {@link #NO_PRE}
   * @param preNumber the pre-release number, "0" when there is none
   */
  record Key(
      String epoch,
      List<String> release,
      int preRank,
      String preNumber,
      String post,
      String dev,
      List<LocalPart> local) {}

  Pep440Scheme() {
    super("PEP 440", "a PEP 440 version");
  }

  @Override
  public boolean isOrdered() {
    return true;
  }

  @Override
  Object parseKey(String text) throws InvalidVersionException {
    Matcher m = PATTERN.matcher(text);
    if (!m.matches()) {
      throw invalid(text, diagnose(text));
    }
    String epoch = m.group("epoch") == null ? "0" : number(m.group("epoch"));

    List<String> release = new ArrayList<>();
    for (String part : m.group("release").split("\\.")) {
      release.add(number(part));
    }
    while (!release.isEmpty() && release.get(release.size() - 1).equals("0")) {
      release.remove(release.size() - 1);
    }

    String post = null;
    if (m.group("post") != null) {
      String n = m.group("postN1") != null ? m.group("postN1") : m.group("postN2");
      post = n == null ? "0" : number(n);
    }
    String dev = m.group("dev") == null ? null : numberOrZero(m.group("devN"));

    int preRank;
    String preNumber = "0";
    if (m.group("pre") != null) {
      preRank = preRank(m.group("preL"));
      preNumber = numberOrZero(m.group("preN"));
    } else {
      preRank = post == null && dev != null ? DEV_ONLY : NO_PRE;
    }

    List<LocalPart> local = null;
    if (m.group("local") != null) {
      local = new ArrayList<>();
      for (String part : LOCAL_SEPARATOR.split(m.group("local"))) {
        local.add(
            isDigits(part)
                ? new LocalPart(true, number(part))
                : new LocalPart(false, part.toLowerCase(Locale.ROOT)));
      }
      local = List.copyOf(local);
    }
    return new Key(epoch, List.copyOf(release), preRank, preNumber, post, dev, local);
  }

  private static int preRank(String letters) {
    return switch (letters.toLowerCase(Locale.ROOT)) {
      case "a", "alpha" -> ALPHA;
      case "b", "beta" -> BETA;
      case "rc", "c", "pre", "preview" -> RC;
      default -> throw new IllegalStateException("pattern admitted pre-release " + letters);
    };
  }

  @Override
  int compareKeys(Object a, Object b) {
    Key x = (Key) a;
    Key y = (Key) b;
    int c = compareNumbers(x.epoch(), y.epoch());
    if (c != 0) return c;
    c = compareRelease(x.release(), y.release());
    if (c != 0) return c;
    c = Integer.compare(x.preRank(), y.preRank());
    if (c != 0) return c;
    c = compareNumbers(x.preNumber(), y.preNumber());
    if (c != 0) return c;
    // No post release sorts first; no dev release sorts last.
    c = compareAbsentFirst(x.post(), y.post());
    if (c != 0) return c;
    if (x.dev() == null || y.dev() == null) {
      c = Boolean.compare(x.dev() == null, y.dev() == null);
    } else {
      c = compareNumbers(x.dev(), y.dev());
    }
    if (c != 0) return c;
    return compareLocal(x.local(), y.local());
  }

  @Override
  int hashKey(Object key) {
    return key.hashCode();
  }

  /** Null first, then numerically. */
  private static int compareAbsentFirst(String a, String b) {
    if (a == null || b == null) {
      return Boolean.compare(a != null, b != null);
    }
    return compareNumbers(a, b);
  }

  private static int compareRelease(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareNumbers(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    // Trailing zeros were stripped, so the longer release has a later non-zero part.
    return Integer.compare(a.size(), b.size());
  }

  /**
   * No local label sorts first; then segment by segment, numbers above strings, numbers
   * numerically, strings lexicographically; a label extending another sorts after it.
   */
  private static int compareLocal(List<LocalPart> a, List<LocalPart> b) {
    if (a == null || b == null) {
      return Boolean.compare(a != null, b != null);
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      LocalPart x = a.get(i);
      LocalPart y = b.get(i);
      int c;
      if (x.numeric() != y.numeric()) {
        c = x.numeric() ? 1 : -1;
      } else if (x.numeric()) {
        c = compareNumbers(x.value(), y.value());
      } else {
        c = x.value().compareTo(y.value());
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** Compares digit strings without leading zeros: exact for numbers of any length. */
  static int compareNumbers(String a, String b) {
    int c = Integer.compare(a.length(), b.length());
    return c != 0 ? c : a.compareTo(b);
  }

  /** The digits without leading zeros ("0" for zero). */
  static String number(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }

  private static String numberOrZero(String digits) {
    return digits == null ? "0" : number(digits);
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }

  /** Says what is wrong with a text that does not match {@link #PATTERN}. */
  static String diagnose(String text) {
    char first = text.charAt(0);
    if ("<>=!~^".indexOf(first) >= 0 || text.contains(",")) {
      return "it looks like a version specifier; write a single version, like 1.2.0";
    }
    if (text.contains("*")) {
      return "wildcards (`*`) belong in version specifiers, not in versions";
    }
    Matcher m = PATTERN.matcher(text);
    if (!m.lookingAt()) {
      return "it must start with a number, like 1.2.0";
    }
    if (text.charAt(m.end()) == '+' && m.group("local") == null) {
      return "the local version label after `+` must be ASCII letters and digits, separated by"
          + " `.`, `-` or `_`";
    }
    // Report whole words: "unexpected `.foo` after `1.0`", not "`oo` after `1.0.f`".
    int end = m.end();
    while (Character.isLetter(text.charAt(end - 1)) && Character.isLetter(text.charAt(end))) {
      end--;
    }
    while ("-_.".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    String valid = text.substring(0, end);
    String rest = text.substring(end);
    return "unexpected "
        + Messages.quote(rest)
        + " after "
        + Messages.quote(valid)
        + "; "
        + SUFFIXES;
  }
}
