package dev.disclose.cve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.advisory.Credit;
import dev.disclose.advisory.Reference;
import dev.disclose.advisory.Status;
import dev.disclose.advisory.Timestamp;
import dev.disclose.config.CveSettings;
import dev.disclose.config.SiteConfig;
import dev.disclose.cwe.CweCatalog;
import dev.disclose.markdown.MarkdownRenderer;
import dev.disclose.markdown.MarkdownText;
import dev.disclose.urls.SiteUrls;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Advisory → CVE JSON 5 record ({@code docs/site.md} describes it): the CNA container CVE Services
 * takes, and, when the project is the CNA, the full record around it. A withdrawn advisory is a
 * REJECTED record. A pure function of the advisory, the site's settings and the commit time that
 * stands in for an unwritten {@code modified}.
 */
public final class CveRecordExporter {
  /** The CVE record format version the records follow, the one cvelib validates against. */
  public static final String DATA_VERSION = "5.1.1";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  // The layout of OSV's records, which CVE's own repositories share: two-space indent, one item a
  // line.
  private static final ObjectWriter WRITER =
      new ObjectMapper()
          .writer(
              new DefaultPrettyPrinter(
                      Separators.createDefaultInstance()
                          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                          .withObjectEmptySeparator("")
                          .withArrayEmptySeparator(""))
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  /** The record format's limits on a title and a description's text and media. */
  static final int TITLE_MAX = 256;

  static final int DESCRIPTION_MAX = 4096;
  static final int MEDIA_MAX = 16384;

  /** The most references a record holds. */
  static final int REFERENCES_MAX = 512;

  private static final Pattern CWE = Pattern.compile("CWE-[1-9][0-9]{0,4}");

  /** What the records need from the site: its pages, its ID prefix, and who assigns the IDs. */
  public record Settings(SiteUrls urls, String idPrefix, CveSettings cve) {
    public static Settings of(SiteConfig config) {
      return new Settings(config.urls(), config.idPrefix(), config.cve());
    }
  }

  private CveRecordExporter() {}

  /**
   * The CNA container of {@code a}'s CVE record, the same for each of its CVE IDs: published, or
   * rejected when the advisory is withdrawn. It names the CNA only when the project is one; CVE
   * Services' clients (cvelib) add the CNA they log in as otherwise.
   */
  public static ObjectNode container(Advisory a, Settings settings) {
    ObjectNode cna = JSON.objectNode();
    settings
        .cve()
        .cnaOrgId()
        .ifPresent(
            org -> {
              ObjectNode provider = cna.putObject("providerMetadata").put("orgId", org);
              settings.cve().assignerShortName().ifPresent(n -> provider.put("shortName", n));
            });
    if (a.status() == Status.WITHDRAWN && a.withdrawn().isPresent()) {
      cna.putArray("rejectedReasons")
          .add(english(abridged(a.withdrawn().get().reason().strip(), DESCRIPTION_MAX)));
      return cna;
    }
    cna.put("title", abridged(a.title().strip(), TITLE_MAX));
    a.effectivePublished().ifPresent(p -> cna.put("datePublic", time(p)));
    cna.putArray("descriptions").add(description(a, settings));
    cna.set("affected", CveAffected.products(a.affected()));
    ArrayNode problems = problemTypes(a.cwes());
    if (!problems.isEmpty()) cna.set("problemTypes", problems);
    ArrayNode metrics = CveMetrics.of(a);
    if (!metrics.isEmpty()) cna.set("metrics", metrics);
    cna.set("references", references(a, settings));
    ArrayNode credits = credits(a.credits());
    if (!credits.isEmpty()) cna.set("credits", credits);
    ArrayNode timeline = timeline(a);
    if (!timeline.isEmpty()) cna.set("timeline", timeline);
    return cna;
  }

  /**
   * The full record for {@code cveId}, as CVE Services publishes it and cvelib's {@code cve
   * publish} reads it; only a CNA's: a record names its assigner.
   */
  public static Optional<ObjectNode> record(
      Advisory a, String cveId, Settings settings, Optional<Instant> lastCommit) {
    Optional<String> org = settings.cve().cnaOrgId();
    if (org.isEmpty()) return Optional.empty();
    boolean rejected = a.status() == Status.WITHDRAWN && a.withdrawn().isPresent();
    ObjectNode record = JSON.objectNode();
    record.put("dataType", "CVE_RECORD");
    record.put("dataVersion", DATA_VERSION);
    ObjectNode meta = record.putObject("cveMetadata");
    meta.put("cveId", cveId);
    meta.put("assignerOrgId", org.get());
    settings.cve().assignerShortName().ifPresent(n -> meta.put("assignerShortName", n));
    meta.put("state", rejected ? "REJECTED" : "PUBLISHED");
    a.effectivePublished().ifPresent(p -> meta.put("datePublished", time(p)));
    a.effectiveModified(lastCommit).ifPresent(m -> meta.put("dateUpdated", time(m)));
    if (rejected) meta.put("dateRejected", time(a.withdrawn().get().date()));
    record.putObject("containers").set("cna", container(a, settings));
    return Optional.of(record);
  }

  /** A record or container as JSON: two-space indent, the schema's order, a final newline. */
  public static String json(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a CVE record", e);
    }
  }

  /**
   * The details as plain text, abridged with a pointer to the advisory if they exceed the format's
   * limit; and as the HTML the advisory's page shows, when it fits.
   */
  private static ObjectNode description(Advisory a, Settings settings) {
    String url = settings.urls().advisory(a.id());
    String text = MarkdownText.of(a.details());
    if (text.isEmpty()) text = a.title().strip();
    ObjectNode d = english(abridged(text, DESCRIPTION_MAX, url));
    String html = MarkdownRenderer.render(a.details(), a.source().relativePath()).html();
    if (!html.isBlank() && html.length() <= MEDIA_MAX) {
      d.putArray("supportingMedia")
          .addObject()
          .put("type", "text/html")
          .put("base64", false)
          .put("value", html);
    }
    return d;
  }

  /**
   * {@code text} cut to {@code max} characters at the last paragraph that fits, saying where the
   * rest is; within a paragraph at the last space, marked with an ellipsis.
   */
  static String abridged(String text, int max, String url) {
    if (text.length() <= max) return text;
    String tail = "\n\n(Abridged; the full advisory: " + url + ")";
    int room = max - tail.length();
    int cut = text.lastIndexOf("\n\n", room);
    if (cut > 0) return text.substring(0, cut) + tail;
    return abridged(text, room) + tail;
  }

  /** {@code text} cut at the last space that leaves room for an ellipsis within {@code max}. */
  static String abridged(String text, int max) {
    if (text.length() <= max) return text;
    int space = text.lastIndexOf(' ', max - 1);
    return (space > 0 ? text.substring(0, space) : text.substring(0, max - 1)).stripTrailing()
        + "…";
  }

  /** Each weakness with its name in MITRE's list, CVE's {@code "CWE-79 Name"} spelling. */
  private static ArrayNode problemTypes(List<String> cwes) {
    ArrayNode out = JSON.arrayNode();
    CweCatalog catalog = CweCatalog.bundled();
    for (String cwe : cwes.stream().distinct().toList()) {
      OptionalInt number = CweCatalog.number(cwe);
      if (number.isEmpty() || number.getAsInt() == 0) continue;
      String name = catalog.name(number.getAsInt()).orElse("");
      ObjectNode d = out.addObject().putArray("descriptions").addObject();
      d.put("lang", "en");
      // The format's IDs have at most five digits, as MITRE's have; a longer one is named only.
      if (CWE.matcher(cwe).matches()) d.put("cweId", cwe);
      d.put("description", name.isEmpty() ? cwe : cwe + " " + name);
      d.put("type", "CWE");
    }
    return out;
  }

  /**
   * The advisory's page first, then its references with CVE's tags, each address once (its tags
   * merged), as many as a record holds.
   */
  private static ArrayNode references(Advisory a, Settings settings) {
    Map<String, List<String>> tagged = new LinkedHashMap<>();
    // The site's own advisory is the vendor's; an imported record is another database's.
    boolean own = AdvisoryId.parseOwn(a.id(), settings.idPrefix()).isPresent();
    tagged.put(
        settings.urls().advisory(a.id()),
        List.of(own ? "vendor-advisory" : "third-party-advisory"));
    for (Reference r : a.references()) {
      List<String> tags = tags(r);
      tagged.merge(
          r.url(),
          tags,
          (before, more) -> Stream.concat(before.stream(), more.stream()).distinct().toList());
    }
    ArrayNode out = JSON.arrayNode();
    tagged.entrySet().stream()
        .limit(REFERENCES_MAX)
        .forEach(
            e -> {
              ObjectNode ref = out.addObject().put("url", e.getKey());
              if (!e.getValue().isEmpty()) e.getValue().forEach(ref.putArray("tags")::add);
            });
    return out;
  }

  /** Hosts of vulnerability databases: an advisory there is an entry of the database. */
  private static final Pattern DATABASE =
      Pattern.compile(
          "https?://(www\\.)?(cve\\.org|cve\\.mitre\\.org|nvd\\.nist\\.gov|osv\\.dev"
              + "|rustsec\\.org|pkg\\.go\\.dev/vuln|github\\.com/advisories)([/?#].*)?");

  /** OSV's reference type as CVE's tags; a type CVE has no tag for gets none. */
  static List<String> tags(Reference r) {
    return switch (r.type()) {
      case ADVISORY ->
          List.of(
              DATABASE.matcher(r.url().toLowerCase(Locale.ROOT)).matches()
                  ? "vdb-entry"
                  : "vendor-advisory");
      case ARTICLE -> List.of("technical-description");
      case DETECTION -> List.of("signature");
      case REPORT -> List.of("issue-tracking");
      case FIX -> List.of("patch");
      case PACKAGE -> List.of("product");
      case EVIDENCE -> List.of("exploit");
      case DISCUSSION, INTRODUCED, GIT, WEB -> List.of();
    };
  }

  /** Each person or tool thanked, with CVE's name for the part they played. */
  private static ArrayNode credits(List<Credit> credits) {
    ArrayNode out = JSON.arrayNode();
    for (Credit c : credits) {
      ObjectNode credit =
          JSON.objectNode()
              .put("lang", "en")
              .put("value", abridged(c.name().strip(), DESCRIPTION_MAX))
              // Without a type CVE reads "finder"; an untyped credit says nothing of the kind.
              .put("type", c.type().map(CveRecordExporter::creditType).orElse("other"));
      if (!contains(out, credit)) out.add(credit);
    }
    return out;
  }

  /**
   * OSV's credit type as CVE spells it: {@code REMEDIATION_DEVELOPER} → "remediation developer".
   */
  static String creditType(Credit.CreditType type) {
    return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** What each step of the response reads as in CVE's timeline. */
  private static final Map<String, String> STEPS =
      Map.of(
          "reported", "Reported to the project",
          "acknowledged", "Report acknowledged",
          "assessed", "Report assessed",
          "fixed", "Fix released",
          "disclosed", "Advisory published");

  /**
   * The response as CVE's timeline: each recorded step, and the request for the CVE ID, in the
   * order of their times (as listed here where two fall together).
   */
  private static ArrayNode timeline(Advisory a) {
    List<Map.Entry<Timestamp, String>> events = new ArrayList<>();
    a.timeline().recorded().forEach((step, t) -> events.add(Map.entry(t, STEPS.get(step))));
    a.cveRequested().ifPresent(t -> events.add(Map.entry(t, "CVE ID requested")));
    events.sort(Comparator.comparing(e -> e.getKey().instant()));
    ArrayNode out = JSON.arrayNode();
    for (Map.Entry<Timestamp, String> e : events) {
      out.addObject().put("time", time(e.getKey())).put("lang", "en").put("value", e.getValue());
    }
    return out;
  }

  private static ObjectNode english(String value) {
    return JSON.objectNode().put("lang", "en").put("value", value);
  }

  private static boolean contains(ArrayNode array, ObjectNode node) {
    for (int i = 0; i < array.size(); i++) if (array.get(i).equals(node)) return true;
    return false;
  }

  /**
   * A date written without a time is noon UTC, as the OSV export writes it: the same calendar day
   * in every time zone from UTC-12 to UTC+11.
   */
  static String time(Timestamp t) {
    return DateTimeFormatter.ISO_INSTANT.format(
        t.dateOnly() ? t.instant().plus(Duration.ofHours(12)) : t.instant());
  }
}
