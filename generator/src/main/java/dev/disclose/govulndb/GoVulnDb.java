package dev.disclose.govulndb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.osv.OsvExporter;
import dev.disclose.osv.OsvRecord;
import dev.disclose.version.InvalidVersionException;
import dev.disclose.version.Version;
import dev.disclose.version.VersionSchemes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The Go vulnerability database as govulncheck reads it ({@code govulncheck -db URL}, the v1 layout
 * of golang.org/x/vuln's client and golang/vulndb's {@code internal/database}):
 *
 * <ul>
 *   <li>{@code index/db.json}, {@code {"modified"}}: the latest {@code modified} of any entry;
 *   <li>{@code index/modules.json}, {@code [{"path", "vulns": [{"id", "modified", "fixed"}]}]}: per
 *       module, sorted by path, its entries sorted by ID, with the version from which none is
 *       affected;
 *   <li>{@code index/vulns.json}, {@code [{"id", "modified", "aliases"}]}, sorted by ID;
 *   <li>{@code ID/<ID>.json}, each entry: the advisory's OSV record with its Go packages only.
 * </ul>
 *
 * Every file also as {@code .json.gz}: over http(s) the client asks for those alone, and checks
 * that {@code index/modules.json.gz} is there before it reads anything; from a {@code file://} URL
 * it reads the {@code .json} files. Byte for byte deterministic.
 */
public final class GoVulnDb {
  static final String GO = "Go";

  /** What the Go database's {@code modified} is when it holds no entry: Go's zero time. */
  static final String NEVER = "0001-01-01T00:00:00Z";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GoVulnDb() {}

  /** One entry: the record, and its file's bytes plain and compressed. */
  public record Entry(OsvRecord record, byte[] json, byte[] gzip) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Entry other && record.equals(other.record);
    }

    @Override
    public int hashCode() {
      return record.hashCode();
    }
  }

  /** The record's Go packages, as an entry; empty when it has none. */
  public static Optional<Entry> entry(OsvRecord r) {
    List<OsvRecord.Affected> go =
        r.affected().stream()
            .filter(a -> a.pkg() != null && GO.equals(a.pkg().ecosystem()))
            .map(GoVulnDb::semverOnly)
            .toList();
    if (go.isEmpty()) return Optional.empty();
    OsvRecord record =
        new OsvRecord(
            r.schemaVersion(),
            r.id(),
            r.modified(),
            r.published(),
            r.withdrawn(),
            r.aliases(),
            r.related(),
            r.upstream(),
            r.summary(),
            r.details(),
            r.severity(),
            go,
            r.references(),
            r.credits(),
            r.databaseSpecific());
    byte[] json = OsvExporter.json(record).getBytes(StandardCharsets.UTF_8);
    return Optional.of(new Entry(record, json, gzip(json)));
  }

  /**
   * The package with the ranges govulncheck reads, SEMVER ones: a Go ECOSYSTEM range is one (Go's
   * versions are SemVer), written as SEMVER; a GIT range, which it skips, is left out.
   */
  private static OsvRecord.Affected semverOnly(OsvRecord.Affected a) {
    List<OsvRecord.Range> ranges = new ArrayList<>();
    for (OsvRecord.Range r : a.ranges() == null ? List.<OsvRecord.Range>of() : a.ranges()) {
      if (r.type().equals("SEMVER")) ranges.add(r);
      else if (r.type().equals("ECOSYSTEM"))
        ranges.add(
            new OsvRecord.Range(
                "SEMVER",
                r.repo(),
                r.events().stream().map(GoVulnDb::withoutV).toList(),
                r.databaseSpecific()));
    }
    return new OsvRecord.Affected(
        a.pkg(), a.severity(), ranges, a.versions(), a.ecosystemSpecific(), a.databaseSpecific());
  }

  private static OsvRecord.Event withoutV(OsvRecord.Event e) {
    return new OsvRecord.Event(
        bare(e.introduced()), bare(e.fixed()), bare(e.lastAffected()), bare(e.limit()));
  }

  private static String bare(String v) {
    return v == null ? null : VersionSchemes.withoutVPrefix(v);
  }

  /** Every file of the database, {@code .json} and {@code .json.gz}, by path; entries by ID. */
  public static Map<String, byte[]> files(List<Entry> entries) {
    List<Entry> byId = entries.stream().sorted(Comparator.comparing(e -> e.record().id())).toList();
    Map<String, byte[]> files = new TreeMap<>();
    index(files, "index/db.json", db(byId));
    index(files, "index/modules.json", modules(byId));
    index(files, "index/vulns.json", vulns(byId));
    for (Entry e : byId) {
      files.put(path(e.record().id()), e.json());
      files.put(path(e.record().id()) + ".gz", e.gzip());
    }
    return files;
  }

  /** An entry's file, as the client asks for it by ID. */
  static String path(String id) {
    return "ID/" + id + ".json";
  }

  private static void index(Map<String, byte[]> files, String path, Object value) {
    byte[] json = compact(value);
    files.put(path, json);
    files.put(path + ".gz", gzip(json));
  }

  private static Map<String, Object> db(List<Entry> entries) {
    String modified =
        entries.stream()
            .map(e -> e.record().modified())
            .max(Comparator.comparing(Instant::parse))
            .orElse(NEVER);
    return Map.of("modified", modified);
  }

  private static List<Map<String, Object>> modules(List<Entry> entries) {
    // Module path → ID → that entry's ranges for the module, in ID order.
    Map<String, Map<String, List<OsvRecord.Range>>> byModule = new TreeMap<>();
    Map<String, String> modified = new LinkedHashMap<>();
    for (Entry e : entries) {
      modified.put(e.record().id(), e.record().modified());
      for (OsvRecord.Affected a : e.record().affected()) {
        byModule
            .computeIfAbsent(a.pkg().name(), m -> new TreeMap<>())
            .computeIfAbsent(e.record().id(), id -> new ArrayList<>())
            .addAll(a.ranges());
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    byModule.forEach(
        (module, vulns) -> {
          List<Map<String, Object>> list = new ArrayList<>();
          vulns.forEach(
              (id, ranges) -> {
                Map<String, Object> vuln = new LinkedHashMap<>();
                vuln.put("id", id);
                vuln.put("modified", modified.get(id));
                fixed(ranges).ifPresent(f -> vuln.put("fixed", f));
                list.add(vuln);
              });
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("path", module);
          m.put("vulns", list);
          out.add(m);
        });
    return out;
  }

  private static List<Map<String, Object>> vulns(List<Entry> entries) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Entry e : entries) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", e.record().id());
      v.put("modified", e.record().modified());
      if (e.record().aliases() != null && !e.record().aliases().isEmpty())
        v.put("aliases", e.record().aliases());
      out.add(v);
    }
    return out;
  }

  /**
   * The version from which no version is affected, as govulncheck reads the ranges (SEMVER ones,
   * {@code introduced} and {@code fixed} events only): the highest {@code fixed}, when every range
   * ends with one. Empty when some range stays open, or there is none: every version may then be
   * affected, and the client reads the entry for any.
   */
  static Optional<String> fixed(List<OsvRecord.Range> ranges) {
    Version highest = null;
    String text = null;
    try {
      for (OsvRecord.Range r : ranges) {
        if (!r.type().equals("SEMVER")) continue;
        Version lastFixed = null;
        Version lastIntroduced = null;
        for (OsvRecord.Event e : r.events()) {
          if (e.introduced() != null && !e.introduced().equals("0"))
            lastIntroduced = max(lastIntroduced, VersionSchemes.SEMVER.parse(e.introduced()));
          if (e.fixed() != null) {
            Version v = VersionSchemes.SEMVER.parse(e.fixed());
            lastFixed = max(lastFixed, v);
            if (highest == null || v.compareTo(highest) > 0) {
              highest = v;
              text = e.fixed();
            }
          }
        }
        // A range without a fix, or introduced again after its last one, affects every later
        // version.
        if (lastFixed == null
            || (lastIntroduced != null && lastIntroduced.compareTo(lastFixed) >= 0))
          return Optional.empty();
      }
    } catch (InvalidVersionException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(text);
  }

  private static Version max(Version a, Version b) {
    return a == null || b.compareTo(a) > 0 ? b : a;
  }

  /** JSON as Go's encoding/json writes it: no spaces, fields in the given order. */
  static byte[] compact(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize the Go database's index", e);
    }
  }

  /**
   * gzip at the best compression, as golang/vulndb writes its files; the header carries no time or
   * name, so the bytes depend on the input alone.
   */
  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
