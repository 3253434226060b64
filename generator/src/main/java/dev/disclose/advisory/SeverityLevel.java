package dev.disclose.advisory;

import java.util.Locale;

/** The qualitative rating CVSS defines for a base score (CVSS 3.x and 4.0 share the bands). */
public enum SeverityLevel {
  NONE,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public static SeverityLevel ofScore(double score) {
    if (score == 0.0) return NONE;
    if (score < 4.0) return LOW;
    if (score < 7.0) return MEDIUM;
    if (score < 9.0) return HIGH;
    return CRITICAL;
  }

  /** CVSS 2.0 has no "none" or "critical" band: Low 0–3.9, Medium 4–6.9, High 7–10 (NVD). */
  public static SeverityLevel ofCvss2Score(double score) {
    if (score < 4.0) return LOW;
    if (score < 7.0) return MEDIUM;
    return HIGH;
  }

  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** As readers see it: "Critical". */
  public String label() {
    return name().charAt(0) + spelling().substring(1);
  }
}
