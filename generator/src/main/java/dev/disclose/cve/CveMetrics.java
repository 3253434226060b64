package dev.disclose.cve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.Severity;
import dev.disclose.ecosystem.Ecosystems;
import dev.disclose.severity.CvssScore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * An advisory's severity as a CVE record's {@code metrics}: each CVSS vector with its base score
 * and rating ({@code cvssV4_0}, {@code cvssV3_1}, {@code cvssV3_0}, {@code cvssV2_0}); a stated
 * level without a vector as CVE's textual severity; a package's own severity with the package as
 * its scenario.
 */
final class CveMetrics {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** How CVE records name a severity stated in words rather than by a vector. */
  static final String TEXTUAL = "Textual description of severity";

  private CveMetrics() {}

  static ArrayNode of(Advisory a) {
    ArrayNode out = JSON.arrayNode();
    add(out, a.severity(), Optional.empty());
    for (Affected p : a.affected()) {
      p.severity()
          .filter(s -> !s.isEmpty() && !s.equals(a.severity()))
          .ifPresent(
              s ->
                  add(
                      out,
                      s,
                      Optional.of(
                          Ecosystems.displayName(p.ecosystem()) + " package " + p.packageName())));
    }
    return out;
  }

  private static void add(ArrayNode out, Severity s, Optional<String> scenario) {
    s.cvssV4().flatMap(v -> cvss(v, "cvssV4_0")).ifPresent(m -> add(out, m, scenario));
    s.cvssV3()
        .flatMap(v -> cvss(v, v.startsWith("CVSS:3.0/") ? "cvssV3_0" : "cvssV3_1"))
        .ifPresent(m -> add(out, m, scenario));
    s.cvssV2().flatMap(v -> cvss(v, "cvssV2_0")).ifPresent(m -> add(out, m, scenario));
    boolean vector = s.cvssV4().isPresent() || s.cvssV3().isPresent() || s.cvssV2().isPresent();
    if (!vector && s.level().isPresent()) {
      ObjectNode other = JSON.objectNode();
      other
          .putObject("other")
          .put("type", TEXTUAL)
          .putObject("content")
          .put("text", s.level().get().spelling());
      add(out, other, scenario);
    }
  }

  private static void add(ArrayNode out, ObjectNode metric, Optional<String> scenario) {
    scenario.ifPresent(
        text -> metric.putArray("scenarios").addObject().put("lang", "en").put("value", text));
    for (int i = 0; i < out.size(); i++) if (out.get(i).equals(metric)) return;
    out.add(metric);
  }

  /**
   * {@code vector} under {@code key}, with its version, base score and (except 2.0, whose schema
   * has none) rating; empty for a vector that does not score, which validation has reported.
   */
  private static Optional<ObjectNode> cvss(String vector, String key) {
    CvssScore score;
    try {
      score = CvssScore.of(vector);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    ObjectNode metric = JSON.objectNode();
    ObjectNode cvss = metric.putObject(key);
    cvss.put("version", score.versionLabel());
    cvss.put("vectorString", vector);
    cvss.put("baseScore", BigDecimal.valueOf(score.baseScore()).setScale(1, RoundingMode.HALF_UP));
    if (score.majorVersion() != 2)
      cvss.put("baseSeverity", score.level().name().toUpperCase(Locale.ROOT));
    return Optional.of(metric);
  }
}
