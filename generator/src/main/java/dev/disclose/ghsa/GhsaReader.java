package dev.disclose.ghsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.disclose.advisory.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A repository security advisory as GitHub's REST API returns it ({@code GET
 * /repos/{owner}/{repo}/security-advisories}, schema {@code repository-advisory}) stated as the OSV
 * record GitHub would publish for it, plus what OSV has no field for: the advisory's state and each
 * package's vulnerable functions.
 */
public final class GhsaReader {
  /**
   * The record as OSV, the status it gives the advisory (a draft or triage advisory is a draft),
   * and each affected package's vulnerable functions, in the order of the OSV record's packages.
   */
  public record Read(ObjectNode osv, Status status, List<List<String>> functions) {}

  static final Pattern GHSA_ID = Pattern.compile("GHSA(-[23456789cfghjmpqrvwx]{4}){3}");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GhsaReader() {}

  /**
   * Reads one advisory; an {@link IllegalArgumentException} names the field that is wrong and what
   * it should hold.
   */
  public static Read read(JsonNode advisory) {
    if (!advisory.isObject())
      throw new IllegalArgumentException(
          "expected a repository advisory (a JSON object with `ghsa_id`), found " + kind(advisory));
    String id = text(advisory, "ghsa_id").orElse("");
    if (!GHSA_ID.matcher(id).matches())
      throw new IllegalArgumentException(
          "`ghsa_id` is "
              + (id.isEmpty() ? "missing" : "`" + id + "`")
              + "; expected GitHub's ID, like GHSA-x3m8-f7g5-qhm7");
    String state = text(advisory, "state").orElse("published").toLowerCase(Locale.ROOT);
    Status status =
        switch (state) {
          case "published" -> Status.PUBLISHED;
          case "withdrawn" -> Status.WITHDRAWN;
          case "draft", "triage" -> Status.DRAFT;
          case "closed" ->
              throw new IllegalArgumentException(
                  "`state` is `closed`: GitHub closed the advisory without publishing it");
          default ->
              throw new IllegalArgumentException(
                  "`state` is `"
                      + state
                      + "`; expected published, draft, triage, closed or withdrawn");
        };
    ObjectNode osv = NODES.objectNode();
    osv.put("schema_version", "1.7.5");
    osv.put("id", id);
    String modified =
        text(advisory, "updated_at")
            .or(() -> text(advisory, "created_at"))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "`updated_at` is missing; expected the time GitHub last changed it"));
    osv.put("modified", modified);
    if (status != Status.DRAFT)
      text(advisory, "published_at").ifPresent(t -> osv.put("published", t));
    text(advisory, "withdrawn_at").ifPresent(t -> osv.put("withdrawn", t));

    Set<String> aliases = new LinkedHashSet<>();
    text(advisory, "cve_id").ifPresent(aliases::add);
    for (JsonNode identifier : advisory.path("identifiers")) {
      if ("CVE".equals(identifier.path("type").asText()) && identifier.path("value").isTextual())
        aliases.add(identifier.path("value").asText());
    }
    if (!aliases.isEmpty()) {
      ArrayNode a = osv.putArray("aliases");
      aliases.forEach(a::add);
    }
    text(advisory, "summary").ifPresent(s -> osv.put("summary", s));
    text(advisory, "description").ifPresent(d -> osv.put("details", d));

    ArrayNode severity = NODES.arrayNode();
    JsonNode both = advisory.path("cvss_severities");
    text(both.path("cvss_v3"), "vector_string").ifPresent(v -> severity.add(score("CVSS_V3", v)));
    text(both.path("cvss_v4"), "vector_string").ifPresent(v -> severity.add(score("CVSS_V4", v)));
    if (severity.isEmpty()) {
      text(advisory.path("cvss"), "vector_string")
          .ifPresent(v -> severity.add(score(v.startsWith("CVSS:4") ? "CVSS_V4" : "CVSS_V3", v)));
    }
    if (!severity.isEmpty()) osv.set("severity", severity);

    // GitHub lists a package once per range; the advisory lists it once with all its ranges.
    Map<String, ObjectNode> byPackage = new LinkedHashMap<>();
    Map<String, Set<String>> functionsByPackage = new LinkedHashMap<>();
    JsonNode vulnerabilities = advisory.path("vulnerabilities");
    for (int i = 0; i < vulnerabilities.size(); i++) {
      affected(vulnerabilities.get(i), "vulnerabilities[" + i + "]", byPackage, functionsByPackage);
    }
    List<List<String>> functions = new ArrayList<>();
    functionsByPackage.values().forEach(f -> functions.add(List.copyOf(f)));
    if (!byPackage.isEmpty()) osv.putArray("affected").addAll(byPackage.values());

    ArrayNode references = NODES.arrayNode();
    text(advisory, "html_url").ifPresent(u -> references.add(reference("ADVISORY", u)));
    if (!references.isEmpty()) osv.set("references", references);

    ArrayNode credits = NODES.arrayNode();
    JsonNode detailed = advisory.path("credits_detailed");
    if (detailed.isArray() && !detailed.isEmpty()) {
      for (JsonNode c : detailed) credit(c.path("user").path("login"), c.path("type"), credits);
    } else {
      for (JsonNode c : advisory.path("credits")) credit(c.path("login"), c.path("type"), credits);
    }
    if (!credits.isEmpty()) osv.set("credits", credits);

    ObjectNode database = NODES.objectNode();
    ArrayNode cwes = NODES.arrayNode();
    for (JsonNode cwe : advisory.path("cwe_ids")) if (cwe.isTextual()) cwes.add(cwe.asText());
    if (!cwes.isEmpty()) database.set("cwe_ids", cwes);
    text(advisory, "severity")
        .map(s -> s.equalsIgnoreCase("moderate") ? "medium" : s)
        .filter(s -> !s.equalsIgnoreCase("unknown"))
        .ifPresent(s -> database.put("severity", s.toUpperCase(Locale.ROOT)));
    // A private vulnerability report was created when the reporter filed it.
    if (advisory.path("submission").isObject()) {
      text(advisory, "created_at")
          .ifPresent(t -> database.putObject("timeline").put("reported", t));
    }
    if (!database.isEmpty()) osv.set("database_specific", database);
    return new Read(osv, status, functions);
  }

  /** One of GitHub's vulnerabilities, added to its package's OSV entry. */
  private static void affected(
      JsonNode v,
      String at,
      Map<String, ObjectNode> byPackage,
      Map<String, Set<String>> functionsByPackage) {
    JsonNode pkg = v.path("package");
    String ecosystem = text(pkg, "ecosystem").orElse("");
    String osvEcosystem =
        GithubEcosystems.osv(ecosystem)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "`"
                            + at
                            + ".package.ecosystem` is `"
                            + ecosystem
                            + "`; expected one of "
                            + GithubEcosystems.names()));
    String name =
        text(pkg, "name")
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "`" + at + ".package.name` is missing; expected the package's name"));
    GithubRanges.Interval interval;
    try {
      interval =
          GithubRanges.parse(
              text(v, "vulnerable_version_range").orElse(null),
              text(v, "patched_versions").orElse(null));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("`" + at + "`: " + e.getMessage(), e);
    }
    String key = osvEcosystem + "\n" + name;
    ObjectNode a =
        byPackage.computeIfAbsent(
            key,
            k -> {
              ObjectNode created = NODES.objectNode();
              ObjectNode p = created.putObject("package");
              p.put("ecosystem", osvEcosystem);
              p.put("name", name);
              return created;
            });
    if (interval.exact().isPresent()) {
      (a.has("versions") ? (ArrayNode) a.get("versions") : a.putArray("versions"))
          .add(interval.exact().get());
    } else {
      // One range whose events hold every interval, as OSV writes a package's intervals.
      ObjectNode range =
          a.has("ranges")
              ? (ObjectNode) a.get("ranges").get(0)
              : a.putArray("ranges").addObject().put("type", "ECOSYSTEM");
      ArrayNode events =
          range.has("events") ? (ArrayNode) range.get("events") : range.putArray("events");
      events.addObject().put("introduced", interval.introduced());
      interval.fixed().ifPresent(f -> events.addObject().put("fixed", f));
      interval.lastAffected().ifPresent(l -> events.addObject().put("last_affected", l));
    }
    Set<String> names = functionsByPackage.computeIfAbsent(key, k -> new LinkedHashSet<>());
    for (JsonNode f : v.path("vulnerable_functions")) if (f.isTextual()) names.add(f.asText());
  }

  private static void credit(JsonNode login, JsonNode type, ArrayNode credits) {
    if (!login.isTextual() || login.asText().isBlank()) return;
    ObjectNode c = credits.addObject();
    c.put("name", login.asText());
    c.putArray("contact").add("https://github.com/" + login.asText());
    if (type.isTextual()) c.put("type", type.asText().toUpperCase(Locale.ROOT));
  }

  private static ObjectNode score(String type, String vector) {
    ObjectNode s = NODES.objectNode();
    s.put("type", type);
    s.put("score", vector);
    return s;
  }

  private static ObjectNode reference(String type, String url) {
    ObjectNode r = NODES.objectNode();
    r.put("type", type);
    r.put("url", url);
    return r;
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
  }

  private static String kind(JsonNode node) {
    return node.isArray()
        ? "a list"
        : node.isTextual() ? "text" : node.isNumber() ? "a number" : "another value";
  }
}
