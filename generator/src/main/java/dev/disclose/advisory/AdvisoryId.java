package dev.disclose.advisory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms an advisory ID may take: the site's own {@code <PREFIX>-<YYYY>-<NNNN>}, its placeholder
 * {@code <PREFIX>-0000-0000}, and the IDs of the databases OSV knows. Every accepted form is also a
 * safe file name: no slash, no backslash, no "..".
 */
public final class AdvisoryId {
  private AdvisoryId() {}

  /** The prefixes OSV's schema registers (osv-schema 1.7.5, {@code $defs.prefix}). */
  static final List<String> OSV_PREFIXES =
      List.of(
          "ASB-A",
          "PUB-A",
          "ALPINE",
          "ALSA",
          "ALBA",
          "ALEA",
          "AZL",
          "BELL",
          "BIT",
          "CGA",
          "CLEANSTART",
          "CLSA",
          "CURL",
          "CVE",
          "DEBIAN",
          "DHI",
          "DRUPAL",
          "DSA",
          "DLA",
          "ELA",
          "DTSA",
          "ECHO",
          "EEF",
          "FreeBSD",
          "GHSA",
          "GO",
          "GSD",
          "HSEC",
          "JLSEC",
          "KUBE",
          "LBSEC",
          "LSN",
          "MAL",
          "MINI",
          "MGASA",
          "OESA",
          "OSEC",
          "OSV",
          "openSUSE-SU",
          "PHSA",
          "PSF",
          "PYSEC",
          "RHBA",
          "RHEA",
          "RHSA",
          "RLSA",
          "RXSA",
          "RSEC",
          "ROOT",
          "RUSTSEC",
          "SUSE-SU",
          "SUSE-RU",
          "SUSE-FU",
          "SUSE-OU",
          "UBUNTU",
          "USN",
          "V8");

  /** Databases whose IDs have a precise, well-known shape. */
  private static final List<Pattern> PRECISE =
      List.of(
          Pattern.compile("CVE-(19|20)\\d{2}-\\d{4,}"),
          Pattern.compile("GHSA(-[23456789cfghjmpqrvwx]{4}){3}"),
          Pattern.compile("RUSTSEC-\\d{4}-\\d{4}"),
          Pattern.compile("GO-\\d{4}-\\d{4,}"),
          Pattern.compile("PYSEC-\\d{4}-\\d+"),
          Pattern.compile("OSV-\\d{4}-\\d+"));

  private static final List<String> PRECISE_PREFIXES =
      List.of("CVE", "GHSA", "RUSTSEC", "GO", "PYSEC", "OSV");
  private static final Pattern GENERIC_REST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

  /**
   * Compiled once per prefix: the exports and pages ask for every ID and alias of every advisory.
   */
  private static final ConcurrentMap<String, Pattern> OWN = new ConcurrentHashMap<>();

  public static Pattern ownPattern(String prefix) {
    return OWN.computeIfAbsent(
        prefix, p -> Pattern.compile(Pattern.quote(p) + "-(\\d{4})-(\\d{4,})"));
  }

  /**
   * The ID OSV records carry for {@code id}. OSV's schema accepts only registered home-database
   * prefixes, or {@code x_} for a database OSV.dev does not aggregate: the site's own IDs get
   * {@code x_} until its prefix is registered; other databases' IDs stay as they are.
   */
  public static String osvId(String id, String prefix, boolean prefixRegistered) {
    boolean own = parseOwn(id, prefix).isPresent();
    return own && !prefixRegistered ? "x_" + id : id;
  }

  public static String placeholder(String prefix) {
    return prefix + "-0000-0000";
  }

  public static boolean isPlaceholder(String id, String prefix) {
    return !prefix.isEmpty() && id.equals(placeholder(prefix));
  }

  /** The site's own ID, split into year and number; the placeholder is not one. */
  public record Own(int year, int number) {}

  public static Optional<Own> parseOwn(String id, String prefix) {
    if (prefix.isEmpty() || isPlaceholder(id, prefix)) return Optional.empty();
    Matcher m = ownPattern(prefix).matcher(id);
    if (!m.matches()) return Optional.empty();
    try {
      return Optional.of(new Own(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    } catch (NumberFormatException e) {
      return Optional.empty(); // more digits than an int holds
    }
  }

  public static String format(String prefix, int year, int number) {
    return String.format("%s-%04d-%04d", prefix, year, number);
  }

  /**
   * Whether {@code id} is another database's (a record imported with its own ID kept): a known
   * database's ID that is neither the site's own form nor its placeholder, even where the prefix is
   * a registered one.
   */
  public static boolean isOtherDatabase(String id, String prefix) {
    return parseOwn(id, prefix).isEmpty() && !isPlaceholder(id, prefix) && isKnownDatabaseId(id);
  }

  /** A CVE ID as the CVE record format spells it: {@code CVE-<year>-<4 to 19 digits>}. */
  private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,19}");

  /** An ID of a prefix, a year and a number, as most databases that number by year write it. */
  private static final Pattern YEAR_AND_NUMBER =
      Pattern.compile("([A-Za-z][A-Za-z0-9]*)-((?:19|20)\\d{2})-(\\d+)");

  /** Databases that number by year without padding the number to four digits. */
  private static final List<String> SHORT_YEARLY_NUMBERS = List.of("MAL", "OSV", "PYSEC");

  /**
   * The year {@code id} names: the site's own {@code DEMO-2025-0004}, and {@code CVE-2023-1234},
   * {@code GO-2023-1234} or {@code PYSEC-2021-7}; empty for an ID without one ({@code GHSA-…}), or
   * whose short number after a year-like part is a sequence ({@code DSA-2001-1}).
   */
  public static Optional<Integer> year(String id) {
    Matcher m = YEAR_AND_NUMBER.matcher(id);
    if (!m.matches()) return Optional.empty();
    if (m.group(3).length() < 4 && !SHORT_YEARLY_NUMBERS.contains(m.group(1)))
      return Optional.empty();
    return Optional.of(Integer.parseInt(m.group(2)));
  }

  /** Whether {@code id} is a CVE ID, as the CVE record format accepts it. */
  public static boolean isCve(String id) {
    return CVE.matcher(id).matches();
  }

  /** An ID of one of the databases OSV knows (CVE, GHSA, RUSTSEC, GO, PYSEC, …). */
  public static boolean isKnownDatabaseId(String id) {
    if (id.contains("..")) return false;
    for (Pattern p : PRECISE) {
      if (p.matcher(id).matches()) return true;
    }
    for (String prefix : OSV_PREFIXES) {
      if (PRECISE_PREFIXES.contains(prefix)) continue;
      if (id.startsWith(prefix + "-")
          && GENERIC_REST.matcher(id.substring(prefix.length() + 1)).matches()) {
        return true;
      }
    }
    return false;
  }
}
