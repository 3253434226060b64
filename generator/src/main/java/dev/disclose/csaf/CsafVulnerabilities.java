package dev.disclose.csaf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.advisory.Severity;
import dev.disclose.advisory.SeverityLevel;
import dev.disclose.cwe.CweCatalog;
import dev.disclose.severity.CvssScore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An advisory as the {@code vulnerabilities} of its CSAF document: one per CVE ID (CSAF gives a
 * vulnerability one), or one without; each with the advisory's IDs, its first weakness, its
 * details, the products' status (the affected intervals {@code known_affected}, the fixed versions
 * {@code fixed}), what to do for each affected product, and the CVSS 3.x and 2.0 scores of each
 * package's products. CSAF 2.0 has no CVSS 4.0.
 */
final class CsafVulnerabilities {
  private CsafVulnerabilities() {}

  static ArrayNode of(
      Advisory a,
      CsafDocument.Settings s,
      CsafRevisions revisions,
      CsafProducts products,
      String details) {
    ArrayNode out = CsafJson.JSON.arrayNode();
    List<String> cves = a.cveIds();
    for (String cve : cves.isEmpty() ? List.<String>of("") : cves) {
      ObjectNode v = out.addObject();
      if (!cve.isEmpty()) v.put("cve", cve);
      ArrayNode ids = ids(a, s);
      if (!ids.isEmpty()) v.set("ids", ids);
      List<String> weaknesses = weaknesses(a);
      if (!weaknesses.isEmpty()) {
        int number = CweCatalog.number(weaknesses.get(0)).getAsInt();
        v.putObject("cwe")
            .put("id", "CWE-" + number)
            .put("name", CweCatalog.bundled().name(number).orElseThrow());
      }
      ArrayNode notes = v.putArray("notes");
      notes.add(
          CsafDocument.note("description", "Details", details.isEmpty() ? a.title() : details));
      List<String> others = new ArrayList<>();
      for (String cwe : a.cwes().stream().distinct().toList()) {
        if (!weaknesses.isEmpty() && cwe.equals(weaknesses.get(0))) continue;
        OptionalInt n = CweCatalog.number(cwe);
        String name = n.isPresent() ? CweCatalog.bundled().name(n.getAsInt()).orElse("") : "";
        others.add(name.isEmpty() ? cwe : cwe + " " + name);
      }
      if (!others.isEmpty()) {
        notes.add(
            CsafDocument.note(
                "other",
                weaknesses.isEmpty() ? "Weaknesses" : "Other weaknesses",
                String.join("\n", others)));
      }
      v.set("product_status", status(products));
      v.set("remediations", remediations(products));
      ArrayNode scores = scores(a, products);
      if (!scores.isEmpty()) v.set("scores", scores);
      v.put("release_date", CsafJson.time(revisions.initial()));
      v.put("title", a.title());
    }
    return out;
  }

  /**
   * The advisory's IDs other than CVE's, each under the name of its system: the site's own under
   * the site's, another database's under its prefix ({@code GHSA}, {@code RUSTSEC}).
   */
  private static ArrayNode ids(Advisory a, CsafDocument.Settings s) {
    ArrayNode out = CsafJson.JSON.arrayNode();
    List<String> all = new ArrayList<>();
    all.add(a.id());
    all.addAll(a.aliases());
    for (String id : all.stream().distinct().toList()) {
      if (AdvisoryId.isCve(id)) continue;
      boolean own = AdvisoryId.parseOwn(id, s.idPrefix()).isPresent();
      int dash = id.indexOf('-');
      String system = own || dash <= 0 ? s.publisher() : id.substring(0, dash);
      out.addObject().put("system_name", system).put("text", id);
    }
    return out;
  }

  /**
   * The advisory's CWE IDs that name weaknesses in MITRE's list, the only kind CSAF's {@code cwe}
   * takes; the first is the vulnerability's, the others go into a note.
   */
  private static List<String> weaknesses(Advisory a) {
    CweCatalog catalog = CweCatalog.bundled();
    return a.cwes().stream()
        .distinct()
        .filter(
            c -> {
              OptionalInt n = CweCatalog.number(c);
              return n.isPresent()
                  && catalog
                      .entry(n.getAsInt())
                      .filter(e -> e.kind().equals("weakness"))
                      .isPresent();
            })
        .toList();
  }

  private static ObjectNode status(CsafProducts products) {
    ObjectNode status = CsafJson.JSON.objectNode();
    List<String> known = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    for (CsafProducts.PackageProducts p : products.packages()) {
      p.known().stream().filter(id -> !known.contains(id)).forEach(known::add);
      p.fixed().stream().filter(id -> !fixed.contains(id)).forEach(fixed::add);
    }
    if (!fixed.isEmpty()) fixed.forEach(status.putArray("fixed")::add);
    if (!known.isEmpty()) known.forEach(status.putArray("known_affected")::add);
    return status;
  }

  /** What to do for each affected product; one remediation for the products it shares. */
  private static ArrayNode remediations(CsafProducts products) {
    Map<String, List<String>> byText = new LinkedHashMap<>();
    Map<String, String> categories = new LinkedHashMap<>();
    for (CsafProducts.PackageProducts p : products.packages()) {
      for (CsafProducts.Remediation r : p.remedies()) {
        List<String> ids = byText.computeIfAbsent(r.details(), d -> new ArrayList<>());
        r.products().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        categories.putIfAbsent(r.details(), r.category());
      }
    }
    ArrayNode out = CsafJson.JSON.arrayNode();
    byText.forEach(
        (details, ids) -> {
          ObjectNode r = out.addObject();
          r.put("category", categories.get(details));
          r.put("details", details);
          ids.forEach(r.putArray("product_ids")::add);
        });
    return out;
  }

  /**
   * The scores of each package's affected products: its own severity, else the advisory's; one
   * score per distinct severity, each CVSS version once per product (section 6.1.7).
   */
  private static ArrayNode scores(Advisory a, CsafProducts products) {
    Map<Severity, List<String>> bySeverity = new LinkedHashMap<>();
    for (CsafProducts.PackageProducts p : products.packages()) {
      Severity severity = p.affected().severity().filter(x -> !x.isEmpty()).orElse(a.severity());
      List<String> ids = bySeverity.computeIfAbsent(severity, x -> new ArrayList<>());
      p.known().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
    }
    List<String> scored = new ArrayList<>();
    ArrayNode out = CsafJson.JSON.arrayNode();
    bySeverity.forEach(
        (severity, ids) -> {
          List<String> fresh = ids.stream().filter(id -> !scored.contains(id)).toList();
          Optional<ObjectNode> v3 = severity.cvssV3().flatMap(CsafVulnerabilities::cvss);
          Optional<ObjectNode> v2 = severity.cvssV2().flatMap(CsafVulnerabilities::cvss);
          if (fresh.isEmpty() || (v3.isEmpty() && v2.isEmpty())) return;
          ObjectNode score = out.addObject();
          fresh.forEach(score.putArray("products")::add);
          v3.ifPresent(c -> score.set("cvss_v3", c));
          v2.ifPresent(c -> score.set("cvss_v2", c));
          scored.addAll(fresh);
        });
    return out;
  }

  /**
   * A CVSS 3.x or 2.0 vector as CSAF's {@code cvss_v3} or {@code cvss_v2}: its version, vector and
   * base score (and for 3.x the rating); empty for a vector that does not score, which validation
   * has reported.
   */
  static Optional<ObjectNode> cvss(String vector) {
    CvssScore score;
    try {
      score = CvssScore.of(vector);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    ObjectNode c = CsafJson.JSON.objectNode();
    c.put("version", score.versionLabel());
    c.put("vectorString", vector);
    c.put("baseScore", BigDecimal.valueOf(score.baseScore()).setScale(1, RoundingMode.HALF_UP));
    if (score.majorVersion() == 3)
      c.put("baseSeverity", score.level().name().toUpperCase(Locale.ROOT));
    return Optional.of(c);
  }

  /** The advisory's severity in words: its vector's rating, else the level it states. */
  static Optional<SeverityLevel> level(Advisory a) {
    Optional<String> vector = a.severity().primaryVector();
    if (vector.isPresent()) {
      try {
        return Optional.of(CvssScore.of(vector.get()).level());
      } catch (IllegalArgumentException e) {
        // validation reported it; the stated level, if any, stands
      }
    }
    return a.severity().level();
  }
}
