package dev.disclose.severity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CVSS vector spelt out for readers: "Attack Vector: Network" for {@code AV:N}. Base metrics of
 * CVSS 2.0, 3.x and 4.0 have names; any other metric is shown as written.
 */
public final class CvssBreakdown {
  private CvssBreakdown() {}

  /** One metric: its abbreviation and value as written, and in words. */
  public record Metric(String key, String value, String name, String meaning) {}

  private static final Map<String, String> CIA = Map.of("H", "High", "L", "Low", "N", "None");
  private static final Map<String, Map<String, Named>> NAMES =
      Map.of(
          "3",
              Map.ofEntries(
                  entry(
                      "AV",
                      "Attack Vector",
                      Map.of("N", "Network", "A", "Adjacent", "L", "Local", "P", "Physical")),
                  entry("AC", "Attack Complexity", Map.of("L", "Low", "H", "High")),
                  entry("PR", "Privileges Required", Map.of("N", "None", "L", "Low", "H", "High")),
                  entry("UI", "User Interaction", Map.of("N", "None", "R", "Required")),
                  entry("S", "Scope", Map.of("U", "Unchanged", "C", "Changed")),
                  entry("C", "Confidentiality", CIA),
                  entry("I", "Integrity", CIA),
                  entry("A", "Availability", CIA)),
          "4",
              Map.ofEntries(
                  entry(
                      "AV",
                      "Attack Vector",
                      Map.of("N", "Network", "A", "Adjacent", "L", "Local", "P", "Physical")),
                  entry("AC", "Attack Complexity", Map.of("L", "Low", "H", "High")),
                  entry("AT", "Attack Requirements", Map.of("N", "None", "P", "Present")),
                  entry("PR", "Privileges Required", Map.of("N", "None", "L", "Low", "H", "High")),
                  entry(
                      "UI", "User Interaction", Map.of("N", "None", "P", "Passive", "A", "Active")),
                  entry("VC", "Confidentiality (vulnerable system)", CIA),
                  entry("VI", "Integrity (vulnerable system)", CIA),
                  entry("VA", "Availability (vulnerable system)", CIA),
                  entry("SC", "Confidentiality (subsequent systems)", CIA),
                  entry("SI", "Integrity (subsequent systems)", CIA),
                  entry("SA", "Availability (subsequent systems)", CIA),
                  entry(
                      "E",
                      "Exploit Maturity",
                      Map.of(
                          "X",
                          "Not defined",
                          "A",
                          "Attacked",
                          "P",
                          "Proof of concept",
                          "U",
                          "Unreported"))),
          "2",
              Map.ofEntries(
                  entry(
                      "AV",
                      "Access Vector",
                      Map.of("L", "Local", "A", "Adjacent network", "N", "Network")),
                  entry("AC", "Access Complexity", Map.of("H", "High", "M", "Medium", "L", "Low")),
                  entry(
                      "Au", "Authentication", Map.of("M", "Multiple", "S", "Single", "N", "None")),
                  entry(
                      "C", "Confidentiality", Map.of("N", "None", "P", "Partial", "C", "Complete")),
                  entry("I", "Integrity", Map.of("N", "None", "P", "Partial", "C", "Complete")),
                  entry(
                      "A", "Availability", Map.of("N", "None", "P", "Partial", "C", "Complete"))));

  /**
   * A named metric and every value it can take, each value's {@link Metric} made once, so that the
   * advisories share these records instead of each holding its own while its pages are planned and
   * rendered.
   */
  private record Named(String name, Map<String, Metric> byValue) {}

  private static Map.Entry<String, Named> entry(
      String key, String name, Map<String, String> values) {
    Map<String, Metric> byValue = new HashMap<>();
    values.forEach((value, meaning) -> byValue.put(value, new Metric(key, value, name, meaning)));
    return Map.entry(key, new Named(name, Map.copyOf(byValue)));
  }

  /** The metrics of {@code vector} in the order written (without the {@code CVSS:x.y} prefix). */
  public static List<Metric> of(String vector) {
    String version = vector.startsWith("CVSS:4") ? "4" : vector.startsWith("CVSS:3") ? "3" : "2";
    String body = vector.startsWith("CVSS:") ? vector.substring(vector.indexOf('/') + 1) : vector;
    List<Metric> metrics = new ArrayList<>();
    for (String part : body.split("/")) {
      int colon = part.indexOf(':');
      if (colon <= 0) continue;
      String key = part.substring(0, colon);
      String value = part.substring(colon + 1);
      Named named = NAMES.get(version).get(key);
      Metric known = named == null ? null : named.byValue().get(value);
      metrics.add(
          known != null
              ? known
              : new Metric(key, value, named == null ? key : named.name(), value));
    }
    return metrics;
  }
}
