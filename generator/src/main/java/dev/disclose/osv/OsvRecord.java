package dev.disclose.osv;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * Jackson bindings for the OSV schema (1.7.x, https://ossf.github.io/osv-schema/), used both to
 * write and to read. Empty values are left out, as OSV's own tooling does; property order is the
 * schema's, so output is stable.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonPropertyOrder({
  "schema_version",
  "id",
  "modified",
  "published",
  "withdrawn",
  "aliases",
  "related",
  "upstream",
  "summary",
  "details",
  "severity",
  "affected",
  "references",
  "credits",
  "database_specific"
})
public record OsvRecord(
    @JsonProperty("schema_version") String schemaVersion,
    @JsonProperty("id") String id,
    @JsonProperty("modified") String modified,
    @JsonProperty("published") String published,
    @JsonProperty("withdrawn") String withdrawn,
    @JsonProperty("aliases") List<String> aliases,
    @JsonProperty("related") List<String> related,
    @JsonProperty("upstream") List<String> upstream,
    @JsonProperty("summary") String summary,
    @JsonProperty("details") String details,
    @JsonProperty("severity") List<Severity> severity,
    @JsonProperty("affected") List<Affected> affected,
    @JsonProperty("references") List<Reference> references,
    @JsonProperty("credits") List<Credit> credits,
    @JsonProperty("database_specific") Map<String, Object> databaseSpecific) {

  public static final String SCHEMA_VERSION = "1.7.5";

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"type", "score"})
  public record Severity(@JsonProperty("type") String type, @JsonProperty("score") String score) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({
    "package",
    "severity",
    "ranges",
    "versions",
    "ecosystem_specific",
    "database_specific"
  })
  public record Affected(
      @JsonProperty("package") Package pkg,
      @JsonProperty("severity") List<Severity> severity,
      @JsonProperty("ranges") List<Range> ranges,
      @JsonProperty("versions") List<String> versions,
      @JsonProperty("ecosystem_specific") Map<String, Object> ecosystemSpecific,
      @JsonProperty("database_specific") Map<String, Object> databaseSpecific) {
    public Affected withDatabaseSpecific(Map<String, Object> database) {
      return new Affected(pkg, severity, ranges, versions, ecosystemSpecific, database);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"ecosystem", "name", "purl"})
  public record Package(
      @JsonProperty("ecosystem") String ecosystem,
      @JsonProperty("name") String name,
      @JsonProperty("purl") String purl) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"type", "repo", "events", "database_specific"})
  public record Range(
      @JsonProperty("type") String type,
      @JsonProperty("repo") String repo,
      @JsonProperty("events") List<Event> events,
      @JsonProperty("database_specific") Map<String, Object> databaseSpecific) {}

  /** One event: exactly one of the four fields is set. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"introduced", "fixed", "last_affected", "limit"})
  public record Event(
      @JsonProperty("introduced") String introduced,
      @JsonProperty("fixed") String fixed,
      @JsonProperty("last_affected") String lastAffected,
      @JsonProperty("limit") String limit) {
    public static Event introduced(String v) {
      return new Event(v, null, null, null);
    }

    public static Event fixed(String v) {
      return new Event(null, v, null, null);
    }

    public static Event lastAffected(String v) {
      return new Event(null, null, v, null);
    }

    public static Event limit(String v) {
      return new Event(null, null, null, v);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"type", "url"})
  public record Reference(@JsonProperty("type") String type, @JsonProperty("url") String url) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"name", "contact", "type"})
  public record Credit(
      @JsonProperty("name") String name,
      @JsonProperty("contact") List<String> contact,
      @JsonProperty("type") String type) {}
}
