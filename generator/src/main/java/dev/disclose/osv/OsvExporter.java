package dev.disclose.osv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.RangeType;
import dev.disclose.advisory.Severity;
import dev.disclose.advisory.Timestamp;
import dev.disclose.config.SiteConfig;
import dev.disclose.ecosystem.Ecosystems;
import dev.disclose.severity.Rating;
import dev.disclose.urls.SiteUrls;
import dev.disclose.version.VersionSchemes;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Advisory → OSV record. A pure function of the advisory, the site's settings and the commit time
 * that stands in for an unwritten {@code modified}; the same input gives the same bytes.
 */
public final class OsvExporter {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);
  // The layout OSV databases publish: two-space indent, "key": value, one array item per line.
  private static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withObjectEmptySeparator("")
                      .withArrayEmptySeparator(""))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  /**
   * What the export needs from the site: where it lives, its ID prefix, and whether OSV registered
   * that prefix.
   */
  public record Settings(SiteUrls urls, String idPrefix, boolean prefixRegistered) {
    /** The settings a site's configuration implies. */
    public static Settings of(SiteConfig config) {
      return new Settings(config.urls(), config.idPrefix(), config.osvPrefixRegistered());
    }
  }

  private static final String CRATES_IO = "crates.io";
  private static final String GO = "Go";

  /**
   * The {@code modified} of a record none of whose dates is known (OSV requires one): the zero
   * time, as the Go vulnerability database writes it, which every later change follows, so that
   * consumers comparing times take any dated copy of the record for the newer.
   */
  static final String UNKNOWN_TIME = "0001-01-01T00:00:00Z";

  /** Where {@code database_specific} holds the date a CVE was requested. */
  static final String CVE_REQUESTED = "cve_requested";

  private OsvExporter() {}

  /**
   * The OSV ID of an advisory. OSV's schema accepts only registered home-database prefixes, or
   * {@code x_} for a database OSV.dev does not aggregate: the site's own IDs get {@code x_} until
   * the prefix is registered; imported records keep their registered IDs.
   */
  public static String osvId(String id, Settings settings) {
    return AdvisoryId.osvId(id, settings.idPrefix(), settings.prefixRegistered());
  }

  public static OsvRecord toOsv(Advisory a, Settings settings, Optional<Instant> lastCommit) {
    // OSV allows severity at the top or per package, never both: when one package has its own,
    // every package carries one, the advisory's where it has none of its own.
    boolean perPackage =
        a.affected().stream().anyMatch(p -> p.severity().filter(x -> !x.isEmpty()).isPresent());
    // OSV's published is optional: an advisory whose publication date is unknown has none.
    String published = a.effectivePublished().map(OsvExporter::time).orElse(null);
    String modified = a.effectiveModified(lastCommit).map(OsvExporter::time).orElse(UNKNOWN_TIME);
    Map<String, Object> database = new LinkedHashMap<>(a.databaseSpecific());
    if (!a.cwes().isEmpty()) database.put("cwe_ids", a.cwes());
    Rating.of(a.severity()).ifPresent(l -> database.put("severity", l.name()));
    // RustSec's OSV keeps the informational kind with each crate (below); other databases at the
    // top.
    boolean crates = a.affected().stream().anyMatch(p -> p.ecosystem().equals(CRATES_IO));
    if (!crates) a.informational().ifPresent(i -> database.put("informational", i.spelling()));
    Map<String, String> timeline = OsvTimeline.of(a.timeline());
    if (!timeline.isEmpty()) database.put(OsvTimeline.KEY, timeline);
    // OSV has no field for a CVE asked for and not yet assigned; the import reads it back.
    a.cveRequested().ifPresent(t -> database.put(CVE_REQUESTED, t.toString()));
    // OSV has no field for why an advisory was withdrawn; consumers showing the record want it.
    a.withdrawn()
        .filter(w -> !w.reason().isBlank())
        .ifPresent(w -> database.put("withdrawn_reason", w.reason()));
    // An imported record keeps its home database's page (Go's pkg.go.dev/vuln/…); ours otherwise.
    database.putIfAbsent("url", settings.urls().advisory(a.id()));
    return new OsvRecord(
        OsvRecord.SCHEMA_VERSION,
        osvId(a.id(), settings),
        modified,
        published,
        a.withdrawn().map(w -> time(w.date())).orElse(null),
        ids(a.aliases(), settings),
        ids(a.related(), settings),
        ids(a.upstream(), settings),
        a.title(),
        a.details(),
        perPackage ? List.of() : severity(a.severity()),
        a.affected().stream()
            .map(p -> affected(a, p, perPackage ? Optional.of(a.severity()) : Optional.empty()))
            .toList(),
        a.references().stream()
            .map(r -> new OsvRecord.Reference(r.type().name(), r.url()))
            .toList(),
        a.credits().stream()
            .map(
                c ->
                    new OsvRecord.Credit(
                        c.name(), c.contact(), c.type().map(Enum::name).orElse(null)))
            .toList(),
        database);
  }

  /**
   * Other advisories named as this site exports them: its own IDs with x_ too, so the link
   * resolves.
   */
  private static List<String> ids(List<String> ids, Settings settings) {
    return ids.stream().map(id -> osvId(id, settings)).toList();
  }

  /** The record as OSV JSON: two-space indent, schema order, a final newline. */
  public static String json(OsvRecord record) {
    try {
      return WRITER.writeValueAsString(record) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + record.id(), e);
    }
  }

  private static OsvRecord.Affected affected(Advisory a, Affected p, Optional<Severity> fallback) {
    Map<String, Object> ecosystemSpecific = new LinkedHashMap<>(p.ecosystemSpecific());
    Map<String, Object> databaseSpecific = new LinkedHashMap<>(p.databaseSpecific());
    if (p.ecosystem().equals(CRATES_IO)) {
      // RustSec's OSV shape, which tools reading crates.io advisories expect: the categories, the
      // CVSS vector and the informational kind with each crate, first and in that order. A value
      // already there (an imported RustSec record keeps its own, nulls included) is left as it is.
      Severity severity = p.severity().filter(x -> !x.isEmpty()).orElse(a.severity());
      Map<String, Object> rustsec = new LinkedHashMap<>();
      rustsec.put(
          "categories",
          databaseSpecific.containsKey("categories")
              ? databaseSpecific.remove("categories")
              : a.categories());
      // The 3.x vector first, as the RustSec export writes `cvss`; a 4.0 one where there is no
      // 3.x, as RustSec's own OSV carries the 4.0 vectors its files hold.
      Optional<String> cvss = severity.cvssV3().or(severity::cvssV4);
      if (databaseSpecific.containsKey("cvss"))
        rustsec.put("cvss", databaseSpecific.remove("cvss"));
      else cvss.ifPresent(v -> rustsec.put("cvss", v));
      boolean hadKind = databaseSpecific.containsKey("informational");
      Object kind = databaseSpecific.remove("informational");
      if (kind != null) rustsec.put("informational", kind);
      else if (a.informational().isPresent())
        rustsec.put("informational", a.informational().get().spelling());
      else if (hadKind) rustsec.put("informational", null);
      rustsec.putAll(databaseSpecific);
      databaseSpecific = rustsec;
    }
    if (!p.functions().isEmpty() || !p.os().isEmpty() || !p.arch().isEmpty()) {
      if (p.ecosystem().equals(GO)) {
        // The Go vulnerability database's shape, which govulncheck reads: symbols by package.
        ecosystemSpecific.putIfAbsent(
            "imports", GoImports.of(p.packageName(), p.functions().keySet(), p.os(), p.arch()));
      } else {
        // RustSec's shape for the affected functions and platforms; functions sorted, as
        // RustSec's OSV lists them (its functions table is ordered by path).
        Map<String, Object> affects = new LinkedHashMap<>();
        affects.put("arch", p.arch());
        affects.put("os", p.os());
        affects.put("functions", p.functions().keySet().stream().sorted().toList());
        ecosystemSpecific.putIfAbsent("affects", affects);
      }
    }
    String purl =
        p.purl().or(() -> Ecosystems.purlFor(p.ecosystem(), p.packageName())).orElse(null);
    return new OsvRecord.Affected(
        new OsvRecord.Package(p.ecosystem(), p.packageName(), purl),
        p.severity()
            .filter(x -> !x.isEmpty())
            .or(() -> fallback)
            .map(OsvExporter::severity)
            .orElse(List.of()),
        // Neither ranges nor versions means every version (an unmaintained package, say); OSV
        // consumers skip an entry without either, so say it: introduced "0".
        p.ranges().isEmpty() && p.versions().isEmpty()
            ? List.of(
                new OsvRecord.Range(
                    RangeType.defaultFor(p.ecosystem()).name(),
                    null,
                    List.of(OsvRecord.Event.introduced(AffectedRange.BEGINNING)),
                    Map.of()))
            : ranges(p.ranges()),
        p.versions(),
        ecosystemSpecific,
        databaseSpecific);
  }

  /**
   * Consecutive intervals of one type (and repository) ending alike become one OSV range, events in
   * order.
   */
  static List<OsvRecord.Range> ranges(List<AffectedRange> intervals) {
    List<OsvRecord.Range> out = new ArrayList<>();
    List<OsvRecord.Event> events = new ArrayList<>();
    AffectedRange first = null;
    for (AffectedRange r : intervals) {
      // An imported record may keep a GIT event that is no full commit hash (validation warns,
      // R004); OSV's schema refuses one, so the export leaves that interval out.
      if (r.type() == RangeType.GIT && !hasCommitEvents(r)) continue;
      // OSV forbids fixed and last_affected events in one range, so only intervals that end the
      // same way share a range.
      boolean sameGroup =
          first != null
              && first.type() == r.type()
              && first.repo().equals(r.repo())
              && r.databaseSpecific().isEmpty()
              && first.databaseSpecific().isEmpty()
              && first.lastAffected().isPresent() == r.lastAffected().isPresent();
      if (first != null && !sameGroup) {
        out.add(range(first, events));
        events = new ArrayList<>();
      }
      if (!sameGroup) first = r;
      // In a GIT range, fixes on several branches of one history share the start: one
      // "introduced: 0" then each "fixed", as the databases that use GIT ranges write it.
      boolean repeatsTheStart =
          sameGroup
              && r.type() == RangeType.GIT
              && r.introducedOrBeginning().equals(AffectedRange.BEGINNING)
              && events.stream().anyMatch(e -> AffectedRange.BEGINNING.equals(e.introduced()));
      if (!repeatsTheStart)
        events.add(OsvRecord.Event.introduced(version(r, r.introducedOrBeginning())));
      if (r.fixed().isPresent()) events.add(OsvRecord.Event.fixed(version(r, r.fixed().get())));
      if (r.lastAffected().isPresent())
        events.add(OsvRecord.Event.lastAffected(version(r, r.lastAffected().get())));
      if (r.limit().isPresent()) events.add(OsvRecord.Event.limit(version(r, r.limit().get())));
    }
    if (first != null) out.add(range(first, events));
    return out;
  }

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  /** Whether every event of a GIT interval is a full commit hash (or the beginning, "0"). */
  private static boolean hasCommitEvents(AffectedRange r) {
    return Stream.of(
            r.introduced().filter(v -> !v.equals(AffectedRange.BEGINNING)),
            r.fixed(),
            r.lastAffected(),
            r.limit())
        .flatMap(Optional::stream)
        .allMatch(v -> COMMIT.matcher(v).matches());
  }

  /**
   * A version as the range's type writes it: OSV's SEMVER versions have no leading {@code v}, which
   * Go's tags carry ({@code v1.2.3} is version {@code 1.2.3}); R006 asks authors to leave it out.
   */
  static String version(AffectedRange r, String version) {
    return r.type() == RangeType.SEMVER ? VersionSchemes.withoutVPrefix(version) : version;
  }

  private static OsvRecord.Range range(AffectedRange r, List<OsvRecord.Event> events) {
    return new OsvRecord.Range(
        r.type().name(), r.repo().orElse(null), List.copyOf(events), r.databaseSpecific());
  }

  private static List<OsvRecord.Severity> severity(Severity s) {
    List<OsvRecord.Severity> out = new ArrayList<>();
    s.cvssV2().ifPresent(v -> out.add(new OsvRecord.Severity("CVSS_V2", v)));
    s.cvssV3().ifPresent(v -> out.add(new OsvRecord.Severity("CVSS_V3", v)));
    s.cvssV4().ifPresent(v -> out.add(new OsvRecord.Severity("CVSS_V4", v)));
    s.ubuntu()
        .ifPresent(v -> out.add(new OsvRecord.Severity("Ubuntu", v.toLowerCase(Locale.ROOT))));
    return out;
  }

  /**
   * A date written without a time is noon UTC, as RustSec's OSV writes its dates: the same calendar
   * day in every time zone from UTC-12 to UTC+11, where midnight would show the day before across
   * the Americas.
   */
  private static String time(Timestamp t) {
    return DateTimeFormatter.ISO_INSTANT.format(
        t.dateOnly() ? t.instant().plus(Duration.ofHours(12)) : t.instant());
  }

  private static String time(Instant i) {
    return DateTimeFormatter.ISO_INSTANT.format(i);
  }
}
