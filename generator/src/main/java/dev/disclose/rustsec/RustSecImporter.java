package dev.disclose.rustsec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.Informational;
import dev.disclose.advisory.Reference;
import dev.disclose.advisory.Severity;
import dev.disclose.advisory.Source;
import dev.disclose.advisory.Status;
import dev.disclose.advisory.Timeline;
import dev.disclose.advisory.Timestamp;
import dev.disclose.advisory.Withdrawal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RustSec advisory-db file → advisory: the inverse of {@link RustSecExporter}. The file is a fenced
 * TOML block ({@code [advisory]}, {@code [affected]}, {@code [versions]}) followed by {@code #
 * title} and the description in Markdown.
 *
 * <p>Fields map as RustSec's own OSV export maps them, so exporting OSV from the import gives what
 * RustSec publishes: {@code url} then {@code references} become references, typed by the same URL
 * rules; {@code [versions]} becomes affected intervals ({@link CargoRequirements}); the license
 * goes to {@code database_specific.license}, CC0-1.0 where the file names none. {@code
 * expect-deleted} has no OSV field and is kept in {@code database_specific.expect_deleted}.
 * Anything else the format cannot hold is reported in the notes, never dropped silently.
 */
public final class RustSecImporter {
  /** RustSec's license when an advisory names none. */
  public static final String DEFAULT_LICENSE = "CC0-1.0";

  private static final TomlMapper TOML = new TomlMapper();
  private static final Set<String> ADVISORY_KEYS =
      Set.of(
          "id",
          "package",
          "date",
          "url",
          "references",
          "categories",
          "keywords",
          "aliases",
          "related",
          "cvss",
          "informational",
          "withdrawn",
          "license",
          "expect-deleted",
          "title",
          "description");

  /** The advisory, and what of the file it could not hold. */
  public record Imported(Advisory advisory, List<String> notes) {}

  /** The file is not a RustSec advisory; the message says why and, where known, at which line. */
  public static final class RustSecException extends Exception {
    RustSecException(String message) {
      super(message);
    }
  }

  private RustSecImporter() {}

  public static Imported read(String text, Path file, String relativePath) throws RustSecException {
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    String normalized = text.replace("\r\n", "\n");
    String[] lines = normalized.split("\n", -1);
    int open = 0;
    while (open < lines.length && lines[open].isBlank()) open++;
    JsonNode toml;
    String markdown;
    int tomlFirstLine;
    if (open < lines.length && lines[open].strip().equals("```toml")) {
      int close = open + 1;
      while (close < lines.length && !lines[close].strip().equals("```")) close++;
      if (close == lines.length)
        throw new RustSecException("line " + (open + 1) + ": the ```toml block is never closed");
      tomlFirstLine = open + 2;
      toml = parseToml(String.join("\n", List.of(lines).subList(open + 1, close)), tomlFirstLine);
      markdown = String.join("\n", List.of(lines).subList(close + 1, lines.length));
    } else {
      // advisory-db's older layout: a plain TOML file with title and description in [advisory].
      tomlFirstLine = 1;
      toml = parseToml(normalized, tomlFirstLine);
      markdown = "";
    }
    JsonNode adv = toml.path("advisory");
    if (!adv.isObject()) throw new RustSecException("there is no [advisory] table");
    List<String> notes = new ArrayList<>();
    for (Iterator<String> it = toml.fieldNames(); it.hasNext(); ) {
      String table = it.next();
      if (!Set.of("advisory", "affected", "versions").contains(table))
        notes.add(cannot("[" + table + "]"));
    }
    String id = required(adv, "id");
    String pkg = required(adv, "package");
    Timestamp date =
        date(adv, "date").orElseThrow(() -> new RustSecException("[advisory] has no `date`"));

    // Title and description: `# title` then the body, or the older [advisory] title/description.
    String title = adv.path("title").asText("");
    String details = adv.path("description").asText("");
    String body = markdown.replaceFirst("^(\\s*\\n)+", "");
    if (body.startsWith("# ")) {
      int nl = body.indexOf('\n');
      title = (nl < 0 ? body.substring(2) : body.substring(2, nl)).strip();
      details = nl < 0 ? "" : body.substring(nl + 1);
    } else if (!body.isBlank()) {
      details = body;
    }
    details = details.strip();

    List<Reference> references = new ArrayList<>();
    if (adv.hasNonNull("url")) references.add(reference(adv.get("url").asText()));
    for (String u : strings(adv, "references")) references.add(reference(u));

    Severity severity = Severity.NONE;
    if (adv.hasNonNull("cvss")) {
      String v = adv.get("cvss").asText();
      if (v.startsWith("CVSS:4.")) {
        severity =
            new Severity(
                Optional.empty(),
                Optional.empty(),
                Optional.of(v),
                Optional.empty(),
                Optional.empty());
      } else if (v.startsWith("CVSS:3.")) {
        severity =
            new Severity(
                Optional.empty(),
                Optional.of(v),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
      } else {
        notes.add("cannot represent `cvss = \"" + v + "\"`: not a CVSS 3.x or 4.0 vector");
      }
    }
    Optional<Informational> informational = Optional.empty();
    if (adv.hasNonNull("informational")) {
      String kind = adv.get("informational").asText();
      try {
        informational = Optional.of(Informational.valueOf(kind.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        notes.add(
            "cannot represent `informational = \""
                + kind
                + "\"`: the format knows notice, unmaintained and unsound");
      }
    }
    Optional<Withdrawal> withdrawn = date(adv, "withdrawn").map(d -> new Withdrawal(d, ""));
    Map<String, Object> database = new LinkedHashMap<>();
    database.put(
        "license", adv.hasNonNull("license") ? adv.get("license").asText() : DEFAULT_LICENSE);
    if (adv.path("expect-deleted").asBoolean(false)) database.put("expect_deleted", true);
    for (Iterator<String> it = adv.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!ADVISORY_KEYS.contains(key)) notes.add(cannot("[advisory] " + key));
    }

    JsonNode affectedTable = toml.path("affected");
    Map<String, List<String>> functions = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = affectedTable.path("functions").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      functions.put(f.getKey(), strings(f.getValue()));
    }
    for (Iterator<String> it = affectedTable.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!Set.of("functions", "os", "arch").contains(key)) notes.add(cannot("[affected] " + key));
    }
    JsonNode versions = toml.path("versions");
    for (Iterator<String> it = versions.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!Set.of("patched", "unaffected").contains(key)) notes.add(cannot("[versions] " + key));
    }
    List<AffectedRange> ranges;
    try {
      ranges =
          CargoRequirements.affected(strings(versions, "patched"), strings(versions, "unaffected"));
    } catch (CargoRequirements.RequirementException e) {
      throw new RustSecException("[versions]: " + e.getMessage());
    }
    Affected affected =
        new Affected(
            RustSecExporter.ECOSYSTEM,
            pkg,
            Optional.empty(),
            ranges,
            List.of(),
            functions,
            strings(affectedTable, "os"),
            strings(affectedTable, "arch"),
            Optional.empty(),
            Map.of(),
            Map.of());

    Advisory advisory =
        new Advisory(
            id,
            title,
            withdrawn.isPresent() ? Status.WITHDRAWN : Status.PUBLISHED,
            Optional.of(date),
            Optional.empty(),
            Optional.empty(),
            withdrawn,
            strings(adv, "aliases"),
            Optional.empty(),
            strings(adv, "related"),
            List.of(),
            severity,
            List.of(),
            strings(adv, "keywords"),
            strings(adv, "categories"),
            informational,
            List.of(affected),
            references,
            List.of(),
            Timeline.EMPTY,
            database,
            Optional.empty(),
            details,
            new Source(file, relativePath, 1, Map.of()));
    return new Imported(advisory, notes);
  }

  private static JsonNode parseToml(String toml, int firstLine) throws RustSecException {
    try {
      return TOML.readTree(toml);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      String message = e.getOriginalMessage().lines().findFirst().orElse("invalid TOML");
      throw new RustSecException(
          (line > 0 ? "line " + (firstLine + line - 1) + ": " : "") + "invalid TOML: " + message);
    }
  }

  private static String cannot(String what) {
    return "cannot represent "
        + what
        + ": the advisory format has no field for it; it is not imported";
  }

  private static String required(JsonNode table, String key) throws RustSecException {
    JsonNode node = table.path(key);
    if (!node.isMissingNode() && !node.isTextual())
      throw new RustSecException("[advisory] `" + key + "` must be a string");
    String v = node.asText("");
    if (v.isBlank()) throw new RustSecException("[advisory] has no `" + key + "`");
    return v;
  }

  /** A RustSec date (YYYY-MM-DD) stays a date. */
  private static Optional<Timestamp> date(JsonNode table, String key) throws RustSecException {
    JsonNode v = table.get(key);
    if (v == null || v.isNull()) return Optional.empty();
    try {
      return Optional.of(Timestamp.ofDate(LocalDate.parse(v.asText())));
    } catch (DateTimeParseException e) {
      throw new RustSecException(
          "[advisory] `" + key + " = \"" + v.asText() + "\"` is not a date like 2025-03-04");
    }
  }

  private static List<String> strings(JsonNode table, String key) {
    return strings(table.path(key));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) array.forEach(x -> out.add(x.asText()));
    else if (array.isTextual()) out.add(array.asText());
    return out;
  }

  /** A link typed as RustSec's OSV export types it (rustsec crate, {@code guess_url_kind}). */
  static Reference reference(String url) {
    Reference.ReferenceType type;
    if ((url.contains("://github.com/") || url.contains("://gitlab."))
        && url.contains("/issues/")) {
      type = Reference.ReferenceType.REPORT;
    } else if (url.contains("/advisories/") || url.contains("://cve.mitre.org/")) {
      type = Reference.ReferenceType.ADVISORY;
    } else if (url.contains("://crates.io/crates/")) {
      type = Reference.ReferenceType.PACKAGE;
    } else {
      type = Reference.ReferenceType.WEB;
    }
    return new Reference(type, url);
  }
}
