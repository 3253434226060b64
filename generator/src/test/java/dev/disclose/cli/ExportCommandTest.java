package dev.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.disclose.catalog.Catalog;
import dev.disclose.check.CheckedSite;
import dev.disclose.cyclonedx.VexExporter;
import dev.disclose.cyclonedx.VexFormat;
import dev.disclose.format.FileSink;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.memo.Memo;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.plan.PlanRequest;
import dev.disclose.plan.Publication;
import dev.disclose.plan.SitePlanner;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.Golden;
import dev.disclose.testing.TestSites;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose export osv|rustsec|cyclonedx} on a fixture site that uses every field of the
 * format.
 */
class ExportCommandTest {
  static final Path FIXTURE = Path.of("src/test/resources/sites/exports");
  static final Path GOLDEN = Path.of("src/test/resources/golden/exports");
  static final String NOW = "2026-01-01T00:00:00Z";

  @TempDir Path temp;
  Path site;

  @BeforeEach
  void copyFixture() throws IOException {
    site = temp.resolve("site");
    TestSites.copyTree(FIXTURE, site);
  }

  private Path export(String format, String out) {
    CliRun run = CliRun.in(site, "export", format, "--out", out, "--now", NOW);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return site.resolve(out);
  }

  @Test
  void everyExportedFileMatchesItsGoldenFile() throws Exception {
    for (String format : List.of("osv", "rustsec", "cyclonedx")) {
      Path out = export(format, format);
      for (Map.Entry<String, byte[]> f : files(out).entrySet()) {
        String name = f.getKey();
        String text =
            name.endsWith(".zip")
                ? zipListing(f.getValue())
                : new String(f.getValue(), StandardCharsets.UTF_8);
        Golden.assertMatches(
            GOLDEN.resolve(format).resolve(name.endsWith(".zip") ? name + ".txt" : name), text);
      }
    }
  }

  @Test
  void exportsAreByteIdenticalFromOneRunToTheNext() throws Exception {
    for (String format : List.of("osv", "rustsec", "cyclonedx")) {
      Map<String, byte[]> one = files(export(format, format + "-1"));
      Map<String, byte[]> two = files(export(format, format + "-2"));
      assertThat(two.keySet()).isEqualTo(one.keySet());
      for (String name : one.keySet())
        assertThat(two.get(name)).as(format + "/" + name).isEqualTo(one.get(name));
    }
  }

  @Test
  void anEmbargoedAdvisoryIsInNoFormatUntilItsTime() throws Exception {
    for (String format : List.of("osv", "rustsec", "cyclonedx", "csaf")) {
      StringBuilder everything = new StringBuilder();
      for (Map.Entry<String, byte[]> f : files(export(format, format)).entrySet()) {
        everything.append(f.getKey()).append('\n');
        if (f.getKey().endsWith(".zip"))
          zipEntries(f.getValue())
              .forEach(
                  (n, b) -> everything.append(n).append(new String(b, StandardCharsets.UTF_8)));
        else everything.append(new String(f.getValue(), StandardCharsets.UTF_8));
      }
      assertThat(everything.toString())
          .as(format)
          .doesNotContain("EXP-2025-0005", "EMBARGO-CANARY", "embargo-canary-crate");
    }
    CliRun after =
        CliRun.in(site, "export", "rustsec", "--out", "later", "--now", "2030-01-01T00:00:00Z");
    assertThat(after.exitCode()).isZero();
    assertThat(site.resolve("later/EXP-2025-0005/crates/embargo-canary-crate/RUSTSEC-0000-0000.md"))
        .exists();
  }

  @Test
  void osvZipsHoldTheRecordsOsvScannerReadsPerEcosystem() throws Exception {
    Path out = export("osv", "osv");
    Map<String, byte[]> all = zipEntries(Files.readAllBytes(out.resolve("all.zip")));
    assertThat(all.keySet())
        .containsExactly(
            "x_EXP-2025-0001.json",
            "x_EXP-2025-0002.json",
            "x_EXP-2025-0003.json",
            "x_EXP-2025-0004.json");
    for (Map.Entry<String, byte[]> e : all.entrySet()) {
      assertThat(e.getValue())
          .as(e.getKey())
          .isEqualTo(Files.readAllBytes(out.resolve(e.getKey())));
    }
    assertThat(zipEntries(Files.readAllBytes(out.resolve("crates.io/all.zip"))).keySet())
        .containsExactly("x_EXP-2025-0001.json", "x_EXP-2025-0004.json");
    assertThat(zipEntries(Files.readAllBytes(out.resolve("Go/all.zip"))).keySet())
        .containsExactly("x_EXP-2025-0002.json");
    JsonNode index = new ObjectMapper().readTree(out.resolve("all.json").toFile());
    // RUSTSEC-2024-0001 keeps RustSec's ID: RustSec's own OSV has it, so this site's does not.
    assertThat(index).hasSize(4);
    assertThat(index.get(0).get("id").asText()).isEqualTo("x_EXP-2025-0001");
    assertThat(index.get(0).get("modified").asText()).isEqualTo("2025-04-03T09:30:00Z");
    assertThat(out.resolve("RUSTSEC-2024-0001.json")).doesNotExist();
  }

  @Test
  void rustSecFilesAreTomlThatAdvisoryDbReads() throws Exception {
    Path out = export("rustsec", "rustsec");
    String text =
        Files.readString(out.resolve("EXP-2025-0001/crates/fixture-vmm/RUSTSEC-0000-0000.md"));
    assertThat(text).startsWith("```toml\n[advisory]\n");
    String toml = text.substring("```toml\n".length(), text.indexOf("\n```\n"));
    JsonNode doc = new TomlMapper().readTree(toml);
    JsonNode advisory = doc.get("advisory");
    assertThat(advisory.get("id").asText()).isEqualTo("RUSTSEC-0000-0000");
    assertThat(advisory.get("package").asText()).isEqualTo("fixture-vmm");
    assertThat(advisory.get("date").asText()).isEqualTo("2025-04-01");
    assertThat(advisory.get("url").asText())
        .isEqualTo("https://example.org/security/advisories/EXP-2025-0001/");
    assertThat(advisory.get("aliases").toString())
        .isEqualTo("[\"CVE-2025-20001\",\"GHSA-4v5w-6x7r-8q9p\"]");
    assertThat(advisory.get("cvss").asText()).startsWith("CVSS:3.1/"); // the package's own vector
    assertThat(doc.at("/affected/os").toString()).isEqualTo("[\"linux\"]");
    assertThat(doc.at("/affected/functions").get("fixture_vmm::Region::unmap").toString())
        .isEqualTo("[\"< 0.7.2, >= 0.5.0\",\"< 0.8.4, >= 0.8.0\"]");
    assertThat(doc.at("/versions/patched").toString())
        .isEqualTo("[\">= 0.7.2, < 0.8.0\",\">= 0.8.4, < 0.9.0\",\"> 0.9.1\"]");
    assertThat(doc.at("/versions/unaffected").toString()).isEqualTo("[\"< 0.5.0\"]");
    // The details follow the title, verbatim, including a code block that looks like TOML.
    assertThat(text)
        .contains(
            "\n# Use-after-free in \"Region::unmap\" when a guest \\ host race\n\n`Region::unmap` freed");
    assertThat(text).endsWith("id = \"not-a-real-block\"\n```\n");

    // An imported RustSec record keeps its ID; an informational one says so; others are not RustSec
    // material.
    JsonNode imported =
        new TomlMapper()
            .readTree(
                tomlOf(
                    out.resolve("RUSTSEC-2024-0001/crates/fixture-parser/RUSTSEC-2024-0001.md")));
    assertThat(imported.at("/advisory/id").asText()).isEqualTo("RUSTSEC-2024-0001");
    JsonNode legacy =
        new TomlMapper()
            .readTree(
                tomlOf(out.resolve("EXP-2025-0004/crates/fixture-legacy/RUSTSEC-0000-0000.md")));
    assertThat(legacy.at("/advisory/informational").asText()).isEqualTo("unmaintained");
    assertThat(legacy.at("/versions/patched").size()).isZero();
    CliRun run = CliRun.in(site, "export", "rustsec", "--out", "again", "--now", NOW);
    assertThat(run.err())
        .contains(
            "note: 2 advisories without a crates.io package are not RustSec material: EXP-2025-0002, EXP-2025-0003",
            "note: EXP-2025-0001 affects 2 crates");
  }

  /**
   * The preview server's background writes the two VEX documents one after the other, a build at
   * once (both open before either is done): the same bytes.
   */
  @Test
  void vexDocumentsAreTheSameWrittenAtOnceOrOneAfterTheOther() throws Exception {
    Path fixture = Path.of("src/test/resources/sites/exports");
    SiteRoot site = SiteRoot.open(fixture, new PathDisplay(fixture));
    Publication publication = publication(site);
    Map<String, byte[]> atOnce = new TreeMap<>();
    Map<String, byte[]> inTurn = new TreeMap<>();
    List<String> atOnceEvents = new CopyOnWriteArrayList<>();
    List<String> inTurnEvents = new CopyOnWriteArrayList<>();
    new VexFormat()
        .writeBundles(
            publication, recording(FileSink.inMemory(atOnce), atOnceEvents), Memo.NONE, false);
    new VexFormat()
        .writeBundles(
            publication, recording(FileSink.inMemory(inTurn), inTurnEvents), Memo.NONE, true);

    assertThat(atOnceEvents)
        .containsExactly("open vex.json", "open vex.xml", "close vex.xml", "close vex.json");
    assertThat(inTurnEvents)
        .containsExactly("open vex.json", "close vex.json", "open vex.xml", "close vex.xml");
    assertThat(atOnce).containsOnlyKeys("vex.json", "vex.xml");
    assertThat(inTurn).containsOnlyKeys("vex.json", "vex.xml");
    for (String file : atOnce.keySet())
      assertThat(inTurn.get(file)).as(file).isEqualTo(atOnce.get(file));
  }

  /**
   * What the formats publish of {@code site}'s public advisories at {@link #NOW}, findings or not.
   */
  private static Publication publication(SiteRoot site) throws Exception {
    CheckedSite checked = Pipeline.oneOff().check(LoadRequest.toBuild(site), Instant.parse(NOW));
    return new SitePlanner(Memo.NONE).publication(checked, PlanRequest.PUBLIC);
  }

  /** {@code sink}, noting each stream's opening and closing in {@code events}. */
  private static FileSink recording(FileSink sink, List<String> events) {
    return new FileSink() {
      @Override
      public void put(String relative, byte[] bytes) throws IOException {
        sink.put(relative, bytes);
      }

      @Override
      public OutputStream open(String relative) throws IOException {
        events.add("open " + relative);
        return new FilterOutputStream(sink.open(relative)) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            events.add("close " + relative);
            super.close();
          }
        };
      }
    };
  }

  /**
   * The build does not validate its VEX (too slow at scale): every fixture site's, and the demo's,
   * is valid here.
   */
  @Test
  void everySiteVexIsValidUnderTheCycloneDx16Schemas() throws Exception {
    for (String fixture :
        List.of("src/test/resources/sites/exports", "src/test/resources/sites/basic", "..")) {
      SiteRoot site = SiteRoot.open(Path.of(fixture), new PathDisplay(Path.of(fixture)));
      Publication publication = publication(site);
      Catalog catalog = publication.catalog();
      Map<String, byte[]> files = new TreeMap<>();
      new VexFormat().writeBundles(publication, FileSink.inMemory(files), Memo.NONE, false);
      VexExporter.Vex vex =
          new VexExporter.Vex(
              new String(files.get("vex.json"), StandardCharsets.UTF_8),
              new String(files.get("vex.xml"), StandardCharsets.UTF_8));
      assertThat(catalog.size()).as(fixture).isPositive();
      assertThat(VexExporter.problems(vex)).as(fixture).isEmpty();
    }
  }

  @Test
  void cycloneDxVexParsesAndValidatesWithCycloneDxCoreJava() throws Exception {
    Path out = export("cyclonedx", "cdx");
    byte[] json = Files.readAllBytes(out.resolve("vex.json"));
    byte[] xml = Files.readAllBytes(out.resolve("vex.xml"));
    assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
    assertThat(new XmlParser().validate(xml, Version.VERSION_16)).isEmpty();
    // The XML carries the same vulnerabilities and credits. Read with jsoup: cyclonedx-core-java
    // 12.2.0's XmlParser cannot read lists of organizational contacts (credits' individuals),
    // CycloneDX/cyclonedx-core-java#815, fixed after that release.
    Document doc = Jsoup.parse(new String(xml, StandardCharsets.UTF_8), "", Parser.xmlParser());
    assertThat(doc.select("vulnerabilities > vulnerability > id").eachText())
        .containsExactly(
            "EXP-2025-0001",
            "EXP-2025-0002",
            "EXP-2025-0003",
            "EXP-2025-0004",
            "RUSTSEC-2024-0001");
    assertThat(doc.select("vulnerability").first().select("credits individual name").eachText())
        .containsExactly("Ada Finder", "Bo Fixer", "Anonymous Reviewer");
    assertThat(doc.select("vulnerability").get(2).select("analysis > state").text())
        .isEqualTo("false_positive");
    for (Bom bom : List.of(new JsonParser().parse(json))) {
      assertThat(bom.getVulnerabilities())
          .extracting(Vulnerability::getId)
          .containsExactly(
              "EXP-2025-0001",
              "EXP-2025-0002",
              "EXP-2025-0003",
              "EXP-2025-0004",
              "RUSTSEC-2024-0001");
      Vulnerability uaf = bom.getVulnerabilities().get(0);
      assertThat(uaf.getRatings())
          .extracting(r -> r.getMethod().name())
          .containsExactly("CVSSV4", "CVSSV31");
      assertThat(uaf.getCwes()).containsExactly(416, 362);
      // 0.9.x has no fix (last_affected 0.9.1), so no "or later" for fixture-vmm.
      assertThat(uaf.getRecommendation())
          .isEqualTo(
              "Upgrade fixture-vmm (crates.io) to one of 0.7.2, 0.8.4 "
                  + "(the fixed version of your release line). Upgrade fixture-virtio (crates.io) to 1.0.1 or later.");
      // An interval without a fix says so, rather than recommending an upgrade into it.
      assertThat(bom.getVulnerabilities().get(1).getRecommendation())
          .contains("fixture-convert (PyPI) from 2.0rc1 on has no fix yet.");
      // related is another vulnerability, not an alias: not in references.
      assertThat(uaf.getReferences()).extracting(r -> r.getId()).doesNotContain("CVE-2025-20002");
      assertThat(uaf.getAffects().get(0).getRef()).isEqualTo("pkg:cargo/fixture-vmm");
      assertThat(uaf.getAffects().get(0).getVersions())
          .extracting(
              v -> v.getRange() == null ? v.getVersion() + " " + v.getStatus() : v.getRange())
          .containsExactly(
              "vers:cargo/>=0.5.0|<0.7.2",
              "vers:cargo/>=0.8.0|<0.8.4",
              "vers:cargo/>=0.9.0|<=0.9.1",
              "0.7.2 UNAFFECTED",
              "0.8.4 UNAFFECTED",
              "0.8.3 AFFECTED");
      assertThat(uaf.getCredits().getIndividuals())
          .extracting(c -> c.getName() + " " + c.getEmail())
          .containsExactly(
              "Ada Finder ada@example.org", "Bo Fixer null", "Anonymous Reviewer null");
      Vulnerability withdrawn = bom.getVulnerabilities().get(2);
      assertThat(withdrawn.getAnalysis().getState())
          .isEqualTo(Vulnerability.Analysis.State.FALSE_POSITIVE);
      assertThat(withdrawn.getRejected()).isNotNull();
      assertThat(bom.getComponents())
          .extracting(c -> c.getPurl())
          .contains(
              "pkg:npm/%40example/convert-ui",
              "pkg:golang/github.com/example/convert", "pkg:maven/org.example/convert-client");
    }
  }

  @Test
  void exportRefusesASiteWithValidationErrorsAndLeavesTheFolderAlone() throws Exception {
    export("osv", "osv");
    Map<String, byte[]> before = files(site.resolve("osv"));
    Path file = site.resolve("advisories/2025/EXP-2025-0002.md");
    Files.writeString(file, Files.readString(file).replace("fixed: 2.1.0", "fixed: 1.0.0"));
    CliRun run = CliRun.in(site, "export", "osv", "--out", "osv", "--now", NOW);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("error[R002]");
    assertThat(run.err()).contains("not exporting");
    assertThat(files(site.resolve("osv")).keySet()).isEqualTo(before.keySet());
    assertThat(CliRun.in(site, "export", "cvrf", "--out", "x").exitCode()).isEqualTo(2);
    assertThat(CliRun.in(site, "export", "osv").exitCode()).isEqualTo(2);
  }

  @Test
  void exportRefusesToWriteInsideAdvisoriesWhereItsFilesWouldBeReadBack() {
    CliRun inside =
        CliRun.in(site, "export", "rustsec", "--out", "advisories/rustsec", "--now", NOW);
    assertThat(inside.exitCode()).isEqualTo(2);
    assertThat(inside.err()).contains("inside advisories/");
    assertThat(site.resolve("advisories/rustsec")).doesNotExist();
  }

  static String tomlOf(Path file) throws IOException {
    String text = Files.readString(file);
    return text.substring("```toml\n".length(), text.indexOf("\n```\n"));
  }

  static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(p).toString().replace('\\', '/');
        if (!name.equals(".disclose-output")) out.put(name, Files.readAllBytes(p));
      }
    }
    return out;
  }

  static Map<String, byte[]> zipEntries(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
    }
    return out;
  }

  /** A zip as text for its golden file: each entry's name, date and the SHA-256 of its bytes. */
  static String zipListing(byte[] zip) throws Exception {
    List<String> lines = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        lines.add(
            e.getName()
                + " "
                + e.getTimeLocal()
                + " sha256:"
                + HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
      }
    }
    return String.join("\n", lines) + "\n";
  }
}
