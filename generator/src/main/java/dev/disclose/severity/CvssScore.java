package dev.disclose.severity;

import dev.disclose.advisory.SeverityLevel;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import us.springett.cvss.Cvss;

/**
 * A CVSS vector's base score, computed with cvss-calculator (2.0, 3.0, 3.1 and 4.0). The library
 * silently lets a repeated metric override the first ({@code …/A:H/A:L}); such a vector means two
 * things at once, so it is refused here before scoring.
 */
public record CvssScore(String vector, int majorVersion, String versionLabel, double baseScore) {

  /**
   * Scores (or refusals) of vectors already seen, at most {@link #REMEMBERED}: a site repeats few
   * vectors many times, and each is scored by validation, the page, the rating, the feed and the
   * VEX document, so each is parsed once.
   */
  private static final ConcurrentHashMap<String, Object> SEEN = new ConcurrentHashMap<>();

  private static final int REMEMBERED = 1 << 16;

  /** Parses and scores a vector; {@link IllegalArgumentException} says what is wrong with it. */
  public static CvssScore of(String vector) {
    Object seen = SEEN.get(vector);
    if (seen == null) {
      try {
        seen = compute(vector);
      } catch (IllegalArgumentException e) {
        seen = e.getMessage();
      }
      if (SEEN.size() < REMEMBERED) SEEN.put(vector, seen);
    }
    if (seen instanceof CvssScore score) return score;
    throw new IllegalArgumentException((String) seen);
  }

  private static CvssScore compute(String vector) {
    String label;
    int major;
    String metrics;
    if (vector.startsWith("CVSS:4.0/")) {
      major = 4;
      label = "4.0";
      metrics = vector.substring(9);
    } else if (vector.startsWith("CVSS:3.1/") || vector.startsWith("CVSS:3.0/")) {
      major = 3;
      label = vector.substring(5, 8);
      metrics = vector.substring(9);
    } else if (vector.startsWith("CVSS:")) {
      throw new IllegalArgumentException(
          "unsupported CVSS version `" + vector.split("/")[0] + "`; use CVSS:3.1 or CVSS:4.0");
    } else {
      major = 2;
      label = "2.0";
      metrics = vector;
    }
    Set<String> seen = new HashSet<>();
    for (String part : metrics.split("/", -1)) {
      int colon = part.indexOf(':');
      if (colon <= 0 || colon == part.length() - 1) {
        throw new IllegalArgumentException("`" + part + "` is not a `METRIC:VALUE` pair");
      }
      String metric = part.substring(0, colon);
      if (!seen.add(metric)) {
        throw new IllegalArgumentException("the metric " + metric + " is given twice");
      }
    }
    Cvss cvss;
    try {
      cvss = Cvss.fromVector(vector);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(lowerFirst(String.valueOf(e.getMessage())));
    }
    if (cvss == null) {
      throw new IllegalArgumentException("not a CVSS vector");
    }
    double score = cvss.calculateScore().getBaseScore();
    return new CvssScore(vector, major, label, score);
  }

  public SeverityLevel level() {
    return majorVersion == 2
        ? SeverityLevel.ofCvss2Score(baseScore)
        : SeverityLevel.ofScore(baseScore);
  }

  public String formattedScore() {
    return String.format(Locale.ROOT, "%.1f", baseScore);
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
