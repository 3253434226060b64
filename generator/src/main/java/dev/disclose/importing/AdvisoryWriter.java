package dev.disclose.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.Credit;
import dev.disclose.advisory.Severity;
import dev.disclose.advisory.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Advisory → the file a maintainer would write (docs/advisory-format.md): YAML front matter in the
 * format's key order, then the details. Reading the file back gives the same advisory, so an import
 * loses nothing the format holds. YAML through Jackson, which quotes what needs quoting.
 */
public final class AdvisoryWriter {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

  /** The withdrawal reason written when the imported record gives none. */
  public static final String NO_REASON = "No reason given in the imported record.";

  private AdvisoryWriter() {}

  public static String write(Advisory a) {
    try {
      return "---\n"
          + YAML.writeValueAsString(frontMatter(a))
          + "---\n"
          + a.details().strip()
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + a.id(), e);
    }
  }

  /**
   * {@code a}'s file, as {@link #write} writes it, reusing the YAML of each top-level key whose
   * value is the same in {@code like}'s file {@code likeText}: an imported record renamed for the
   * site differs from the record only in its ID, title and aliases. Split by hand, because YAML
   * libraries write a document whole: each top-level key of a file {@link #write} wrote starts a
   * line, every other line of its front matter is indented, and a key's lines are what {@link
   * #yaml} writes for it alone. Written whole when {@code likeText} does not split so.
   */
  static String writeLike(Advisory a, Advisory like, String likeText) {
    Map<String, Object> was = frontMatter(like);
    Map<String, String> lines = new LinkedHashMap<>();
    if (!likeText.startsWith("---\n")) return write(a);
    int at = 4;
    String key = null;
    int from = at;
    for (String expected : was.keySet()) {
      if (!likeText.startsWith(expected + ":", at)) return write(a);
      if (key != null) lines.put(key, likeText.substring(from, at));
      key = expected;
      from = at;
      do {
        int end = likeText.indexOf('\n', at);
        if (end < 0) return write(a);
        at = end + 1;
      } while (at < likeText.length() && likeText.charAt(at) == ' ');
    }
    if (key == null || !likeText.startsWith("---\n", at)) return write(a);
    lines.put(key, likeText.substring(from, at));
    StringBuilder out = new StringBuilder("---\n");
    for (Map.Entry<String, Object> e : frontMatter(a).entrySet()) {
      boolean same =
          lines.containsKey(e.getKey()) && Objects.equals(e.getValue(), was.get(e.getKey()));
      out.append(same ? lines.get(e.getKey()) : yaml(e.getKey(), e.getValue()));
    }
    return out.append("---\n").append(a.details().strip()).append('\n').toString();
  }

  /** {@code key: value} as the format writes it, for an edit of one key of a file. */
  static String yaml(String key, Object value) {
    try {
      return YAML.writeValueAsString(Map.of(key, value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + key, e);
    }
  }

  /** The front matter's keys and values, in the format's key order; absent keys are left out. */
  static Map<String, Object> frontMatter(Advisory a) {
    Map<String, Object> fm = new LinkedHashMap<>();
    fm.put("id", a.id());
    fm.put("title", a.title());
    if (a.status() != Status.PUBLISHED) fm.put("status", a.status().spelling());
    a.published().ifPresent(t -> fm.put("published", t.toString()));
    a.modified().ifPresent(t -> fm.put("modified", t.toString()));
    a.embargo().ifPresent(t -> fm.put("embargo", t.toString()));
    a.withdrawn()
        .ifPresent(
            w -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("date", w.date().toString());
              // The format requires a reason; OSV has no field for one.
              m.put("reason", w.reason().isBlank() ? NO_REASON : w.reason());
              fm.put("withdrawn", m);
            });
    list(fm, "aliases", a.aliases());
    a.cveRequested().ifPresent(t -> fm.put("cve_requested", t.toString()));
    list(fm, "related", a.related());
    list(fm, "upstream", a.upstream());
    severity(a.severity()).ifPresent(s -> fm.put("severity", s));
    list(fm, "cwes", a.cwes());
    list(fm, "keywords", a.keywords());
    list(fm, "categories", a.categories());
    a.informational().ifPresent(i -> fm.put("informational", i.spelling()));
    if (!a.affected().isEmpty())
      fm.put("affected", a.affected().stream().map(AdvisoryWriter::affected).toList());
    if (!a.references().isEmpty()) {
      fm.put(
          "references",
          a.references().stream()
              .map(
                  r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("type", r.type().name());
                    m.put("url", r.url());
                    return m;
                  })
              .toList());
    }
    if (!a.credits().isEmpty())
      fm.put("credits", a.credits().stream().map(AdvisoryWriter::credit).toList());
    Map<String, Object> timeline = new LinkedHashMap<>();
    a.timeline().recorded().forEach((step, t) -> timeline.put(step, t.toString()));
    if (!timeline.isEmpty()) fm.put("timeline", timeline);
    a.importedFrom()
        .ifPresent(
            from -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("database", from.database());
              m.put("id", from.id());
              fm.put("imported_from", m);
            });
    if (!a.databaseSpecific().isEmpty()) fm.put("database_specific", a.databaseSpecific());
    return fm;
  }

  private static Map<String, Object> affected(Affected p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ecosystem", p.ecosystem());
    m.put("package", p.packageName());
    p.purl().ifPresent(u -> m.put("purl", u));
    if (!p.ranges().isEmpty())
      m.put("ranges", p.ranges().stream().map(AdvisoryWriter::range).toList());
    list(m, "versions", p.versions());
    if (!p.functions().isEmpty()) {
      boolean plain = p.functions().values().stream().allMatch(List::isEmpty);
      m.put("functions", plain ? new ArrayList<>(p.functions().keySet()) : p.functions());
    }
    list(m, "os", p.os());
    list(m, "arch", p.arch());
    p.severity().flatMap(AdvisoryWriter::severity).ifPresent(s -> m.put("severity", s));
    if (!p.databaseSpecific().isEmpty()) m.put("database_specific", p.databaseSpecific());
    if (!p.ecosystemSpecific().isEmpty()) m.put("ecosystem_specific", p.ecosystemSpecific());
    return m;
  }

  private static Map<String, Object> range(AffectedRange r) {
    Map<String, Object> m = new LinkedHashMap<>();
    // The type always: the default depends on the ecosystem and on repo, and explicit is clearer.
    m.put("type", r.type().name());
    r.repo().ifPresent(x -> m.put("repo", x));
    m.put("introduced", r.introducedOrBeginning());
    r.fixed().ifPresent(x -> m.put("fixed", x));
    r.lastAffected().ifPresent(x -> m.put("last_affected", x));
    r.limit().ifPresent(x -> m.put("limit", x));
    if (!r.databaseSpecific().isEmpty()) m.put("database_specific", r.databaseSpecific());
    return m;
  }

  private static Object credit(Credit c) {
    if (c.contact().isEmpty() && c.type().isEmpty()) return c.name();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    list(m, "contact", c.contact());
    c.type().ifPresent(t -> m.put("type", t.name()));
    return m;
  }

  private static Optional<Map<String, Object>> severity(Severity s) {
    Map<String, Object> m = new LinkedHashMap<>();
    s.cvssV3().ifPresent(v -> m.put("cvss_v3", v));
    s.cvssV4().ifPresent(v -> m.put("cvss_v4", v));
    s.cvssV2().ifPresent(v -> m.put("cvss_v2", v));
    s.ubuntu().ifPresent(v -> m.put("ubuntu", v.toLowerCase(Locale.ROOT)));
    s.level().ifPresent(l -> m.put("level", l.spelling()));
    return m.isEmpty() ? Optional.empty() : Optional.of(m);
  }

  private static void list(Map<String, Object> m, String key, List<String> values) {
    if (!values.isEmpty()) m.put(key, values);
  }
}
