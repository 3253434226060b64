package dev.disclose.osv;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.Credit;
import dev.disclose.advisory.Informational;
import dev.disclose.advisory.RangeType;
import dev.disclose.advisory.Reference;
import dev.disclose.advisory.Severity;
import dev.disclose.advisory.SeverityLevel;
import dev.disclose.advisory.Source;
import dev.disclose.advisory.Status;
import dev.disclose.advisory.Timeline;
import dev.disclose.advisory.Timestamp;
import dev.disclose.advisory.Withdrawal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OSV record → advisory: the inverse of {@link OsvExporter}, so that exporting what was imported
 * gives the record back (tests hold it to that on fixtures and on real databases' records). What
 * OSV keeps in {@code database_specific} that the model has fields for (CWE IDs, the severity
 * label, RustSec's informational kind, the withdrawal reason, the timeline) moves to those fields;
 * everything else stays in {@code database_specific}, untouched.
 */
public final class OsvImporter {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private OsvImporter() {}

  /** Reads one OSV JSON record; a property OSV's schema does not define is an error. */
  public static OsvRecord read(byte[] json) throws IOException {
    return MAPPER.readValue(json, OsvRecord.class);
  }

  /** {@code file} and {@code relativePath}: where the advisory would live in the site. */
  public static Advisory toAdvisory(
      OsvRecord r, OsvExporter.Settings settings, Path file, String relativePath) {
    String id = r.id();
    if (id.startsWith("x_")
        && AdvisoryId.parseOwn(id.substring(2), settings.idPrefix()).isPresent())
      id = id.substring(2);
    Map<String, Object> database = new LinkedHashMap<>(orEmpty(r.databaseSpecific()));
    List<String> cwes = strings(database.remove("cwe_ids"));
    // Only values the model can hold move out: GHSA's "MODERATE", say, stays where it was.
    Optional<SeverityLevel> level = take(database, "severity", SeverityLevel.class);
    Optional<Informational> informational = take(database, "informational", Informational.class);
    String reason =
        Optional.ofNullable(database.remove("withdrawn_reason")).map(String::valueOf).orElse("");
    Timeline timeline = OsvTimeline.take(database);
    // A value that is not a date stays where it was, as free-form data.
    Optional<Timestamp> cveRequested =
        database.get(OsvExporter.CVE_REQUESTED) instanceof String s
            ? Timestamp.parse(s)
            : Optional.empty();
    if (cveRequested.isPresent()) database.remove(OsvExporter.CVE_REQUESTED);
    Object url = database.get("url");
    if (url != null && url.equals(settings.urls().advisory(id)))
      database.remove("url"); // ours: derived again on export

    // RustSec's shape keeps categories and the informational kind with each crate: when every
    // crate agrees, they are the advisory's, and the exporter puts them back in the same place.
    List<OsvRecord.Affected> affectedList = new ArrayList<>(orEmpty(r.affected()));
    List<String> categories = List.of();
    Optional<Object> sharedCategories = sharedCratesValue(affectedList, "categories");
    if (sharedCategories.isPresent()
        && sharedCategories.get() instanceof List<?> list
        && list.stream().allMatch(x -> x instanceof String)) {
      categories = strings(list);
      affectedList = withoutCratesKey(affectedList, "categories");
    }
    Optional<Object> sharedKind = sharedCratesValue(affectedList, "informational");
    if (informational.isEmpty()
        && sharedKind.isPresent()
        && sharedKind.get() instanceof String kind
        && enumValue(Informational.class, kind).isPresent()) {
      informational = enumValue(Informational.class, kind);
      affectedList = withoutCratesKey(affectedList, "informational");
    }
    Optional<Withdrawal> withdrawn = time(r.withdrawn()).map(t -> new Withdrawal(t, reason));
    Severity severity = severity(r.severity(), level);
    return new Advisory(
        id,
        orBlank(r.summary()),
        withdrawn.isPresent() ? Status.WITHDRAWN : Status.PUBLISHED,
        time(r.published()),
        time(r.modified()),
        Optional.empty(),
        withdrawn,
        own(r.aliases(), settings),
        cveRequested,
        own(r.related(), settings),
        own(r.upstream(), settings),
        severity,
        cwes,
        List.of(),
        categories,
        informational,
        affectedList.stream().map(OsvImporter::affected).toList(),
        orEmpty(r.references()).stream()
            .map(
                x ->
                    new Reference(
                        known(
                            Reference.ReferenceType.class,
                            x.type() == null ? null : x.type().toUpperCase(Locale.ROOT),
                            "reference type"),
                        x.url()))
            .toList(),
        orEmpty(r.credits()).stream()
            .map(
                c ->
                    new Credit(
                        c.name(),
                        orEmpty(c.contact()),
                        Optional.ofNullable(c.type())
                            .flatMap(t -> enumValue(Credit.CreditType.class, t))))
            .toList(),
        timeline,
        database,
        Optional.empty(),
        orBlank(r.details()),
        new Source(file, relativePath, 1, Map.of()));
  }

  /**
   * The value every crates.io entry's database_specific holds under {@code key}, when they all hold
   * the same.
   */
  private static Optional<Object> sharedCratesValue(List<OsvRecord.Affected> affected, String key) {
    List<Map<String, Object>> crates =
        affected.stream()
            .filter(a -> a.pkg() != null && "crates.io".equals(a.pkg().ecosystem()))
            .map(a -> orEmpty(a.databaseSpecific()))
            .toList();
    if (crates.isEmpty()
        || !crates.stream().allMatch(m -> m.containsKey(key) && m.get(key) != null))
      return Optional.empty();
    Object first = crates.get(0).get(key);
    return crates.stream().allMatch(m -> m.get(key).equals(first))
        ? Optional.of(first)
        : Optional.empty();
  }

  private static List<OsvRecord.Affected> withoutCratesKey(
      List<OsvRecord.Affected> affected, String key) {
    return affected.stream()
        .map(
            a -> {
              if (a.pkg() == null || !"crates.io".equals(a.pkg().ecosystem())) return a;
              Map<String, Object> database = new LinkedHashMap<>(orEmpty(a.databaseSpecific()));
              database.remove(key);
              return a.withDatabaseSpecific(database);
            })
        .toList();
  }

  /** IDs as the site writes them: its own without the x_ the export adds. */
  private static List<String> own(List<String> ids, OsvExporter.Settings settings) {
    return orEmpty(ids).stream()
        .map(
            id ->
                id.startsWith("x_")
                        && AdvisoryId.parseOwn(id.substring(2), settings.idPrefix()).isPresent()
                    ? id.substring(2)
                    : id)
        .toList();
  }

  private static Affected affected(OsvRecord.Affected a) {
    Map<String, Object> ecosystemSpecific = new LinkedHashMap<>(orEmpty(a.ecosystemSpecific()));
    Map<String, List<String>> functions = new LinkedHashMap<>();
    List<String> os = List.of();
    List<String> arch = List.of();
    // RustSec's shape, which the exporter writes back from the model's fields.
    if (ecosystemSpecific.get("affects") instanceof Map<?, ?> affects
        && isRustSecAffects(affects)) {
      ecosystemSpecific.remove("affects");
      for (String f : strings(affects.get("functions"))) functions.put(f, List.of());
      os = strings(affects.get("os"));
      arch = strings(affects.get("arch"));
    }
    OsvRecord.Package p = a.pkg();
    // The Go database's shape, when the exporter writes it back from the model's fields exactly.
    Optional<GoImports.Read> go =
        p != null && "Go".equals(p.ecosystem()) && p.name() != null
            ? GoImports.read(p.name(), ecosystemSpecific.get("imports"))
            : Optional.empty();
    if (go.isPresent()) {
      ecosystemSpecific.remove("imports");
      for (String function : go.get().functions()) functions.put(function, List.of());
      os = go.get().os();
      arch = go.get().arch();
    }
    List<AffectedRange> ranges = new ArrayList<>();
    for (OsvRecord.Range r : orEmpty(a.ranges())) ranges.addAll(intervals(r));
    Optional<Severity> severity =
        a.severity() == null || a.severity().isEmpty()
            ? Optional.empty()
            : Optional.of(severity(a.severity(), Optional.empty()));
    return new Affected(
        p == null ? "" : orBlank(p.ecosystem()),
        p == null ? "" : orBlank(p.name()),
        Optional.ofNullable(p == null ? null : p.purl()),
        ranges,
        orEmpty(a.versions()),
        functions,
        os,
        arch,
        severity,
        orEmpty(a.databaseSpecific()),
        ecosystemSpecific);
  }

  private static boolean isRustSecAffects(Map<?, ?> affects) {
    // All three lists, of strings, not all empty: exactly what the exporter writes back.
    return affects.keySet().equals(Set.of("arch", "os", "functions"))
        && affects.values().stream()
            .allMatch(v -> v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String))
        && affects.values().stream().anyMatch(v -> !((List<?>) v).isEmpty());
  }

  /**
   * One OSV range's events as intervals: each {@code introduced} opens one, the next {@code fixed}
   * or {@code last_affected} closes it.
   */
  static List<AffectedRange> intervals(OsvRecord.Range r) {
    RangeType type = known(RangeType.class, r.type(), "range type");
    Optional<String> repo = Optional.ofNullable(r.repo());
    Map<String, Object> database = orEmpty(r.databaseSpecific());
    List<AffectedRange> out = new ArrayList<>();
    String introduced = null;
    String limit = null;
    for (OsvRecord.Event e : orEmpty(r.events())) {
      if (e.limit() != null) {
        limit = e.limit();
        if (!out.isEmpty() && introduced == null) {
          AffectedRange last = out.remove(out.size() - 1);
          out.add(
              new AffectedRange(
                  last.type(),
                  last.repo(),
                  last.introduced(),
                  last.fixed(),
                  last.lastAffected(),
                  Optional.of(limit),
                  last.databaseSpecific()));
          limit = null;
        }
        continue;
      }
      if (e.introduced() != null) {
        if (introduced != null)
          out.add(
              interval(
                  type, repo, introduced, null, null, null, out.isEmpty() ? database : Map.of()));
        introduced = e.introduced();
      } else {
        String fixed = e.fixed();
        String lastAffected = e.lastAffected();
        out.add(
            interval(
                type,
                repo,
                introduced == null ? AffectedRange.BEGINNING : introduced,
                fixed,
                lastAffected,
                null,
                out.isEmpty() ? database : Map.of()));
        introduced = null;
      }
    }
    if (introduced != null)
      out.add(
          interval(type, repo, introduced, null, null, limit, out.isEmpty() ? database : Map.of()));
    return out;
  }

  private static AffectedRange interval(
      RangeType type,
      Optional<String> repo,
      String introduced,
      String fixed,
      String lastAffected,
      String limit,
      Map<String, Object> database) {
    return new AffectedRange(
        type,
        repo,
        AffectedRange.BEGINNING.equals(introduced)
            ? Optional.empty()
            : Optional.ofNullable(introduced),
        Optional.ofNullable(fixed),
        Optional.ofNullable(lastAffected),
        Optional.ofNullable(limit),
        database);
  }

  private static Severity severity(List<OsvRecord.Severity> list, Optional<SeverityLevel> level) {
    Optional<String> v2 = Optional.empty();
    Optional<String> v3 = Optional.empty();
    Optional<String> v4 = Optional.empty();
    Optional<String> ubuntu = Optional.empty();
    for (OsvRecord.Severity s : orEmpty(list)) {
      switch (s.type()) {
        case "CVSS_V2" -> v2 = Optional.of(s.score());
        case "CVSS_V3" -> v3 = Optional.of(s.score());
        case "CVSS_V4" -> v4 = Optional.of(s.score());
        case "Ubuntu" -> ubuntu = Optional.of(s.score());
        default -> {}
      }
    }
    return new Severity(v2, v3, v4, ubuntu, level);
  }

  private static Optional<Timestamp> time(String text) {
    return text == null ? Optional.empty() : Timestamp.parse(text);
  }

  private static <E extends Enum<E>> Optional<E> take(
      Map<String, Object> map, String key, Class<E> type) {
    Optional<E> value = map.get(key) instanceof String s ? enumValue(type, s) : Optional.empty();
    if (value.isPresent()) map.remove(key);
    return value;
  }

  /**
   * A value OSV's schema enumerates; anything else is an error naming the field and the choices.
   */
  private static <E extends Enum<E>> E known(Class<E> type, String name, String what) {
    for (E e : type.getEnumConstants()) if (e.name().equals(name)) return e;
    throw new IllegalArgumentException(
        "`"
            + name
            + "` is not a "
            + what
            + " OSV defines ("
            + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())
            + ")");
  }

  private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String name) {
    try {
      return Optional.of(Enum.valueOf(type, name.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static List<String> strings(Object value) {
    if (!(value instanceof List<?> list)) return List.of();
    return list.stream().map(String::valueOf).toList();
  }

  private static String orBlank(String s) {
    return s == null ? "" : s;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
