package dev.disclose.govulndb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.version.Version;
import dev.disclose.version.VersionSchemes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * How golang.org/x/vuln's client ({@code internal/client}) and govulncheck's module filter ({@code
 * internal/vulncheck}) read a database, reduced to the rules they apply to its files, so that a
 * test can read this site's database as govulncheck would without Go:
 *
 * <ul>
 *   <li>a {@code file://} source is a database only if {@code index/modules.json} exists, and reads
 *       {@code <endpoint>.json}; an http(s) source only if {@code index/modules.json.gz} answers,
 *       and reads {@code <endpoint>.json.gz}, gunzipped;
 *   <li>{@code index/db.json}'s {@code modified} is an RFC 3339 time;
 *   <li>for a module at a version, the IDs of {@code index/modules.json}'s entry for its path whose
 *       {@code fixed} is empty or above the version are fetched from {@code ID/<ID>}; an entry
 *       counts if it is not withdrawn and one of its {@code affected} has the module's path and
 *       SEMVER ranges that hold the version (only {@code introduced} and {@code fixed} events; no
 *       SEMVER range at all means every version).
 * </ul>
 */
final class Govulncheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, byte[]> files;
  private final boolean http;

  private Govulncheck(Map<String, byte[]> files, boolean http) {
    this.files = files;
    this.http = http;
  }

  /** {@code govulncheck -db file:///…}: the database folder's files by path. */
  static Govulncheck file(Map<String, byte[]> files) {
    if (!files.containsKey("index/modules.json"))
      throw new IllegalStateException("unrecognized vulndb format: no index/modules.json");
    return new Govulncheck(files, false);
  }

  /** {@code govulncheck -db https://…}: the files the server serves, by path. */
  static Govulncheck http(Map<String, byte[]> files) {
    if (!files.containsKey("index/modules.json.gz"))
      throw new IllegalStateException("unrecognized vulndb format: no index/modules.json.gz");
    return new Govulncheck(files, true);
  }

  /** The endpoint's bytes, as the source reads them. */
  byte[] get(String endpoint) {
    byte[] bytes = files.get(endpoint + (http ? ".json.gz" : ".json"));
    if (bytes == null) throw new IllegalStateException("no " + endpoint);
    return http ? gunzip(bytes) : bytes;
  }

  Instant lastModified() throws IOException {
    return OffsetDateTime.parse(JSON.readTree(get("index/db")).get("modified").asText())
        .toInstant();
  }

  /** The IDs of the entries that affect {@code module} at {@code version}, sorted. */
  List<String> vulnerabilities(String module, String version, Instant now) throws IOException {
    JsonNode meta = null;
    for (JsonNode m : JSON.readTree(get("index/modules"))) {
      if (m.get("path").asText().equals(module)) meta = m;
    }
    List<String> out = new ArrayList<>();
    if (meta == null) return out;
    for (JsonNode v : meta.get("vulns")) {
      String fixed = v.path("fixed").asText("");
      if (!fixed.isEmpty() && !less(version, fixed)) continue;
      String id = v.get("id").asText();
      JsonNode entry = JSON.readTree(get("ID/" + id));
      if (entry.hasNonNull("withdrawn")
          && OffsetDateTime.parse(entry.get("withdrawn").asText()).toInstant().isBefore(now))
        continue;
      for (JsonNode a : entry.get("affected")) {
        if (a.at("/package/name").asText().equals(module) && affects(a.path("ranges"), version)) {
          out.add(id);
          break;
        }
      }
    }
    out.sort(null);
    return out;
  }

  /** {@code semver.Affects}: no SEMVER range means every version. */
  static boolean affects(JsonNode ranges, String version) {
    boolean semver = false;
    for (JsonNode r : ranges) {
      if (!r.get("type").asText().equals("SEMVER")) continue;
      semver = true;
      if (contains(r.path("events"), version)) return true;
    }
    return !semver;
  }

  /**
   * {@code semver.ContainsSemver}: events sorted, {@code introduced} opens and {@code fixed} ends.
   */
  private static boolean contains(JsonNode events, String version) {
    if (events.isEmpty()) return true;
    List<JsonNode> sorted = new ArrayList<>();
    events.forEach(sorted::add);
    sorted.sort(
        (a, b) -> {
          String x = a.path("introduced").asText(a.path("fixed").asText(""));
          String y = b.path("introduced").asText(b.path("fixed").asText(""));
          if (x.equals("0")) return y.equals("0") ? 0 : -1;
          if (y.equals("0")) return 1;
          // An event with neither (last_affected, limit) has no version: Go sorts it first.
          if (x.isEmpty() || y.isEmpty()) return Boolean.compare(!x.isEmpty(), !y.isEmpty());
          return parse(x).compareTo(parse(y));
        });
    boolean affected = false;
    for (JsonNode e : sorted) {
      String introduced = e.path("introduced").asText("");
      String fixed = e.path("fixed").asText("");
      if (!affected && !introduced.isEmpty())
        affected = introduced.equals("0") || !less(version, introduced);
      else if (affected && !fixed.isEmpty()) affected = less(version, fixed);
    }
    return affected;
  }

  /** {@code semver.Less}, with or without a {@code v}. */
  static boolean less(String a, String b) {
    return parse(a).compareTo(parse(b)) < 0;
  }

  private static Version parse(String v) {
    try {
      return VersionSchemes.SEMVER.parse(v.startsWith("v") ? v : "v" + v);
    } catch (Exception e) {
      throw new IllegalArgumentException("not a version: " + v, e);
    }
  }

  static byte[] gunzip(byte[] bytes) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
