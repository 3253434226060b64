package dev.disclose.rustsec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.importing.AdvisoryWriter;
import dev.disclose.osv.OsvExporter;
import dev.disclose.osv.OsvJson;
import dev.disclose.urls.SiteUrls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Import fidelity on RustSec's real advisories (../shared/corpora/rustsec: advisory-db files and
 * the OSV RustSec's own tooling generated from them). Each file is imported as `disclose import
 * rustsec` does (advisory → file → parsed back), then exported:
 *
 * <ul>
 *   <li>as RustSec, and compared with the original file;
 *   <li>as OSV, and compared with RustSec's OSV of the same advisory.
 * </ul>
 *
 * <p>The normalization, for both (documented in docs/import.md): empty lists, empty tables and
 * nulls are absent; RustSec's {@code url} and {@code references} are one list of links (the
 * export's {@code url} is the advisory's page on the site); an absent {@code license} is CC0-1.0; a
 * CVSS 4.0 {@code cvss}, which the export leaves out, is left out of the original too; {@code
 * [versions]} compare as the versions they cover (the affected intervals), not as spelled; the
 * Markdown body compares without surrounding whitespace. For OSV besides: {@code modified} (RustSec
 * takes it from git history), the PACKAGE and ADVISORY links RustSec adds about itself, the page
 * URL the export adds to {@code database_specific}, and {@code schema_version} are left out, as is
 * the severity label the export derives from the CVSS vector, and RustSec's {@code expect_deleted}
 * flag, which its OSV leaves out; {@code introduced: 0.0.0-0} is OSV's {@code introduced: 0}.
 */
class RustSecImportFidelityTest {
  static final Path CORPUS = Path.of("../../shared/corpora/rustsec");
  static final String SITE = "https://example.org/";
  static final OsvExporter.Settings SETTINGS =
      new OsvExporter.Settings(new SiteUrls(SITE), "IMP", false);
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void rustSecFilesSurviveImportAndExportAsRustSecAndAsOsv() throws Exception {
    assumeTrue(Files.isDirectory(CORPUS), "../shared/corpora/rustsec is not present");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(CORPUS.resolve("crates"))) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    int rustsecSame = 0;
    int osvSame = 0;
    int osvCompared = 0;
    Map<String, Integer> rustsecCauses = new TreeMap<>();
    Map<String, Integer> osvCauses = new TreeMap<>();
    List<String> examples = new ArrayList<>();
    for (Path f : files) {
      String original = Files.readString(f);
      String name = f.getFileName().toString();
      Advisory imported = RustSecImporter.read(original, Path.of(name), name).advisory();
      // As `disclose import` writes it: a number of the site, RustSec's ID the first alias.
      List<String> aliases = new ArrayList<>(imported.aliases());
      aliases.add(0, imported.id());
      Advisory numbered = throughFile(imported.withId("IMP-2020-0001", aliases));
      Advisory kept = throughFile(imported);

      // RustSec → RustSec
      List<RustSecExporter.RustSecFile> exported =
          RustSecExporter.export(numbered, SITE + "advisories/IMP-2020-0001/").files();
      assertThat(exported).hasSize(1);
      // The lint finds nothing in RustSec's own files but the CVSS 4.0 vectors older
      // cargo-audit releases cannot read, and nothing in what the export makes of them.
      String inDb = CORPUS.relativize(f).toString().replace('\\', '/');
      assertThat(RustSecLint.check(inDb, original))
          .as(inDb)
          .allMatch(p -> p.key().equals("cvss") && original.contains("cvss = \"CVSS:4.0/"));
      assertThat(RustSecLint.check(exported.get(0).dbPath(), exported.get(0).text()))
          .as(inDb)
          .isEmpty();
      JsonNode was = rustsecNormalized(original, "");
      JsonNode now = rustsecNormalized(exported.get(0).text(), SITE + "advisories/IMP-2020-0001/");
      if (was.equals(now)) {
        rustsecSame++;
      } else {
        differences("", was, now, rustsecCauses);
        if (examples.size() < 4) examples.add(name + "\n  was " + was + "\n  now " + now);
      }

      // RustSec → OSV, against RustSec's own OSV of the advisory
      Path osvFile = CORPUS.resolve("osv").resolve(imported.id() + ".json");
      if (!Files.exists(osvFile)) continue;
      osvCompared++;
      JsonNode theirs = osvNormalized(JSON.readTree(osvFile.toFile()), imported);
      JsonNode ours =
          osvNormalized(
              JSON.readTree(OsvExporter.json(OsvExporter.toOsv(kept, SETTINGS, Optional.empty()))),
              imported);
      if (theirs.equals(ours)) {
        osvSame++;
      } else {
        differences("", theirs, ours, osvCauses);
        if (examples.size() < 8)
          examples.add(name + " (OSV)\n  theirs " + theirs + "\n  ours   " + ours);
      }
    }
    System.out.printf(
        "RustSec import fidelity: %d files; RustSec export equal for %d (causes %s); OSV export equal to"
            + " RustSec's OSV for %d of %d (causes %s)%n",
        files.size(), rustsecSame, rustsecCauses, osvSame, osvCompared, osvCauses);
    assertThat(files).hasSizeGreaterThan(50);
    assertThat(osvCompared).isEqualTo(files.size());
    assertThat(rustsecSame)
        .as("RustSec → RustSec; causes %s; e.g. %s", rustsecCauses, examples)
        .isEqualTo(files.size());
    assertThat(100.0 * osvSame / osvCompared)
        .as("RustSec → OSV; causes %s; e.g. %s", osvCauses, examples)
        .isGreaterThanOrEqualTo(99.9);
  }

  /** The advisory as the file the import writes, read back. */
  static Advisory throughFile(Advisory a) {
    String file = AdvisoryWriter.write(a);
    AdvisoryParser.Parsed parsed =
        AdvisoryParser.parse(file, Path.of(a.id() + ".md"), a.id() + ".md");
    assertThat(parsed.advisory())
        .as("%s parses back: %s", a.id(), parsed.diagnostics())
        .isPresent();
    return parsed.advisory().get();
  }

  /**
   * A RustSec file as a tree, under the normalization above; {@code sitePage}: the export's own
   * url, left out.
   */
  static JsonNode rustsecNormalized(String text, String sitePage) throws Exception {
    int close = text.indexOf("\n```", 3);
    JsonNode toml = new TomlMapper().readTree(text.substring(text.indexOf('\n') + 1, close));
    ObjectNode out = (ObjectNode) toml.deepCopy();
    ObjectNode advisory = (ObjectNode) out.get("advisory");
    ArrayNode links = JsonNodeFactory.instance.arrayNode();
    if (advisory.hasNonNull("url") && !advisory.get("url").asText().equals(sitePage))
      links.add(advisory.get("url"));
    advisory.path("references").forEach(links::add);
    advisory.remove("url");
    advisory.remove("references");
    advisory.set("links", links);
    if (!advisory.has("license")) advisory.put("license", RustSecImporter.DEFAULT_LICENSE);
    // The export writes only a CVSS 3.x `cvss`, which every cargo-audit release reads.
    if (advisory.path("cvss").asText().startsWith("CVSS:4.0/")) advisory.remove("cvss");
    JsonNode versions = out.path("versions");
    List<String> patched = new ArrayList<>();
    List<String> unaffected = new ArrayList<>();
    versions.path("patched").forEach(v -> patched.add(v.asText()));
    versions.path("unaffected").forEach(v -> unaffected.add(v.asText()));
    ArrayNode covered = JsonNodeFactory.instance.arrayNode();
    for (AffectedRange r : CargoRequirements.affected(patched, unaffected)) {
      covered.add(r.introducedOrBeginning() + " ≤ v" + r.fixed().map(x -> " < " + x).orElse(""));
    }
    out.set("versions", covered);
    String body = text.substring(close + 4).strip();
    out.put("title", body.lines().findFirst().orElse(""));
    out.put("description", body.contains("\n") ? body.substring(body.indexOf('\n')).strip() : "");
    return OsvJson.withoutEmpty(out);
  }

  static JsonNode osvNormalized(JsonNode record, Advisory a) {
    ObjectNode o = (ObjectNode) record.deepCopy();
    o.remove("modified");
    o.remove("schema_version");
    String pkg = a.affected().get(0).packageName();
    ArrayNode references = JsonNodeFactory.instance.arrayNode();
    for (JsonNode r : o.path("references")) {
      String url = r.path("url").asText();
      if (url.equals("https://crates.io/crates/" + pkg)
          || url.equals("https://rustsec.org/advisories/" + a.id() + ".html")) continue;
      references.add(r);
    }
    o.set("references", references);
    if (o.get("database_specific") instanceof ObjectNode db) {
      db.remove("url");
      db.remove(
          "severity"); // the export's label for the CVSS score, derived, never in RustSec's OSV
      if (AdvisoryWriter.NO_REASON.equals(db.path("withdrawn_reason").asText()))
        db.remove("withdrawn_reason");
      // RustSec's tooling flag for a crate expected to leave crates.io: its OSV leaves it out, the
      // import keeps it; OSV gives database_specific no meaning to consumers.
      db.remove("expect_deleted");
    }
    for (JsonNode affected : o.path("affected")) {
      for (JsonNode range : affected.path("ranges")) {
        for (JsonNode event : range.path("events")) {
          if (event.path("introduced").asText().equals("0.0.0-0"))
            ((ObjectNode) event).put("introduced", "0");
        }
      }
    }
    return OsvJson.withoutEmpty(o);
  }

  /** Each path where the two differ, as a cause. */
  static void differences(String path, JsonNode a, JsonNode b, Map<String, Integer> causes) {
    if (a.isObject() && b.isObject()) {
      Set<String> keys = new TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        String p = path.isEmpty() ? k : path + "." + k;
        if (!a.has(k) || !b.has(k) || !a.get(k).equals(b.get(k))) {
          if (a.has(k) && b.has(k)) differences(p, a.get(k), b.get(k), causes);
          else causes.merge(p, 1, Integer::sum);
        }
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).equals(b.get(i))) differences(path + "[]", a.get(i), b.get(i), causes);
      }
    } else {
      causes.merge(path, 1, Integer::sum);
    }
  }
}
