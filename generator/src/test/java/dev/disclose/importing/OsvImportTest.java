package dev.disclose.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose import osv}: files, folders and zips; new IDs or kept ones; twice changes
 * nothing; bad records reported; the same files whatever the threads.
 */
class OsvImportTest {
  static final String RECORD =
      """
      {"schema_version": "1.7.5", "id": "GHSA-2x2x-3c3c-4f4f", "modified": "2025-03-10T00:00:00Z",
       "published": "2025-03-04T00:00:00Z", "aliases": ["CVE-2025-10001"], "summary": "Path traversal in fixture-server",
       "details": "Joined paths without normalizing them.",
       "affected": [{"package": {"ecosystem": "PyPI", "name": "fixture-server"},
         "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "1.0.0"}, {"fixed": "1.4.2"}]}]}]}
      """;

  @TempDir Path temp;
  Path site;

  @BeforeEach
  void emptySite() throws Exception {
    site = temp.resolve("site");
    Files.createDirectories(site.resolve("advisories"));
    Files.writeString(
        site.resolve("site-config.yaml"),
        "title: T\nbase_url: https://example.org/\nid_prefix: IMP\n"
            + "security_contact: mailto:s@example.org\n");
  }

  @Test
  void importsAsNewIdsWithTheOriginalAsAliasAndAgainChangesNothing() throws Exception {
    Path in = temp.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("a.json"), RECORD);
    Files.writeString(
        in.resolve("b.yaml"),
        "id: PYSEC-2025-1\nmodified: 2025-01-02T00:00:00Z\npublished: 2025-01-01T00:00:00Z\n"
            + "details: An issue. More words.\naffected:\n  - package: {ecosystem: PyPI, name: other}\n    versions: ['1.0']\n");
    Files.writeString(in.resolve("broken.json"), "{\"id\": ");
    Files.writeString(in.resolve("dup.json"), RECORD);
    CliRun first = CliRun.in(site, "import", "osv", in.toString());
    assertThat(first.exitCode()).isEqualTo(1); // the broken record and the duplicate
    assertThat(first.out())
        .contains(
            "broken.json: error: not an OSV record",
            "a second record with the ID GHSA-2x2x-3c3c-4f4f")
        .contains("4 records: 2 written, 0 unchanged, 2 not imported")
        .contains("note: no summary: the title is the details' first sentence");
    Path written = site.resolve("advisories/2025/IMP-2025-0001.md");
    assertThat(Files.readString(written))
        .contains("id: IMP-2025-0001", "- GHSA-2x2x-3c3c-4f4f", "- CVE-2025-10001");
    assertThat(Files.readString(site.resolve("advisories/2025/IMP-2025-0002.md")))
        .contains("title: An issue.");
    CliRun validate = CliRun.in(site, "validate", "--now", "2026-01-01T00:00:00Z");
    assertThat(validate.exitCode()).as(validate.out()).isZero();

    String before = Files.readString(written);
    CliRun again =
        CliRun.in(
            site,
            "import",
            "osv",
            in.resolve("a.json").toString(),
            in.resolve("b.yaml").toString());
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("2 records: 0 written, 2 unchanged, 0 not imported");
    assertThat(Files.readString(written)).isEqualTo(before);
  }

  @Test
  void keepIdsAndZips() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("GHSA-2x2x-3c3c-4f4f.json"));
      zip.write(RECORD.getBytes());
    }
    Path zip = temp.resolve("all.zip");
    Files.write(zip, bytes.toByteArray());
    CliRun run = CliRun.in(site, "import", "osv", "--keep-ids", zip.toString());
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(Files.readString(site.resolve("advisories/2025/GHSA-2x2x-3c3c-4f4f.md")))
        .contains("id: GHSA-2x2x-3c3c-4f4f");
    assertThat(CliRun.in(site, "import", "cve", zip.toString()).exitCode()).isEqualTo(2);
  }

  /**
   * What the format cannot hold is named per record: here a credit's name with a trailing space (a
   * file's YAML trims it).
   */
  @Test
  void eachRecordSaysWhatItCannotRepresent() throws Exception {
    Path in = temp.resolve("lossy.json");
    Files.writeString(
        in,
        RECORD.replace(
            "\"details\": \"Joined paths without normalizing them.\"",
            "\"details\": \"Joined paths without normalizing them.\", \"credits\": [{\"name\": \"Ada Finder \"}]"));
    CliRun run = CliRun.in(site, "import", "osv", in.toString());
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("note: cannot represent exactly: credits (exported again");
    Path exact = temp.resolve("exact.json");
    Files.writeString(exact, RECORD.replace("GHSA-2x2x-3c3c-4f4f", "GHSA-3x3x-4c4c-5f5f"));
    assertThat(CliRun.in(site, "import", "osv", exact.toString()).out())
        .doesNotContain("cannot represent");
  }

  /** Values OSV's schema does not allow fail their record only, each with what is wrong. */
  @Test
  void recordsOutsideTheSchemaAreReportedAndTheRestImported() throws Exception {
    Path in = temp.resolve("mixed");
    Files.createDirectories(in);
    Files.writeString(in.resolve("a.json"), RECORD.replace("\"ECOSYSTEM\"", "\"FOO\""));
    Files.writeString(
        in.resolve("b.json"),
        RECORD
            .replace("GHSA-2x2x-3c3c-4f4f", "GHSA-5x5x-6c6c-7f7f")
            .replace(
                "\"aliases\"",
                "\"references\": [{\"type\": \"BOGUS\", \"url\": \"https://example.org/\"}], \"aliases\""));
    Files.writeString(
        in.resolve("c.json"),
        RECORD
            .replace("GHSA-2x2x-3c3c-4f4f", "GHSA-6x6x-7c7c-8f8f")
            .replace("\"2025-03-10T00:00:00Z\"", "\"yesterday\""));
    Files.writeString(
        in.resolve("d.json"), RECORD.replace("GHSA-2x2x-3c3c-4f4f", "GHSA-7x7x-8c8c-9f9f"));
    CliRun run = CliRun.in(site, "import", "osv", in.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "a.json: error: not an OSV record: `FOO` is not a range type OSV defines (SEMVER, ECOSYSTEM, GIT)",
            "b.json: error: not an OSV record: `BOGUS` is not a reference type OSV defines",
            "c.json: error: not an OSV record: `modified` is not an RFC 3339 time",
            "4 records: 1 written, 0 unchanged, 3 not imported")
        .doesNotContain("internal error");
  }

  /**
   * A record its database allowed but the format refuses is imported, and the import says the site
   * will not build.
   */
  @Test
  void importedAdvisoriesWithErrorsAreCountedByRule() throws Exception {
    // A version the ecosystem cannot parse is the record's as published: a warning, not counted.
    Path pep440 = temp.resolve("pep440.json");
    Files.writeString(
        pep440, RECORD.replace("\"fixed\": \"1.4.2\"", "\"fixed\": \"1.4.2-foo-bar\""));
    CliRun warned = CliRun.in(site, "import", "osv", pep440.toString());
    assertThat(warned.exitCode()).as(warned.out()).isZero();
    assertThat(warned.out()).doesNotContain("errors the site will not build with");
    // A package name no registry holds stops the build, imported or not.
    Path in = temp.resolve("name.json");
    Files.writeString(
        in,
        RECORD
            .replace("GHSA-2x2x-3c3c-4f4f", "GHSA-3x3x-4c4c-5f5f")
            .replace("CVE-2025-10001", "CVE-2025-10002")
            .replace("\"name\": \"fixture-server\"", "\"name\": \"fixture server!\""));
    CliRun run = CliRun.in(site, "import", "osv", in.toString());
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .contains(
            "note: 1 of the imported advisories have errors the site will not build with (1 P002);"
                + " `disclose validate` shows each");
    assertThat(CliRun.in(site, "import", "osv", temp.resolve("none.json").toString()).exitCode())
        .isEqualTo(2);
  }

  /** A summary over two lines becomes a one-line title; a range that affects nothing is dropped. */
  @Test
  void aMultiLineSummaryIsFoldedAndAnEmptyRangeDropped() throws Exception {
    Path in = temp.resolve("untidy.json");
    Files.writeString(
        in,
        RECORD
            .replace(
                "\"summary\": \"Path traversal in fixture-server\"",
                "\"summary\": \"Path traversal\\n  in fixture-server\"")
            .replace(
                "\"events\": [{\"introduced\": \"1.0.0\"}, {\"fixed\": \"1.4.2\"}]",
                "\"events\": [{\"introduced\": \"1.0.0\"}, {\"fixed\": \"1.4.2\"}]},"
                    + " {\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": \"2.0.0\"},"
                    + " {\"fixed\": \"2.0.0\"}]"));
    assertThat(Files.readString(in)).contains("Path traversal\\n", "\"fixed\": \"2.0.0\"");
    CliRun run = CliRun.in(site, "import", "osv", in.toString());
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .contains(
            "note: the summary spans several lines: folded to one, as a title is",
            "note: dropped the range of fixture-server introduced and fixed in 2.0.0, which"
                + " affects no version");
    String file = Files.readString(site.resolve("advisories/2025/IMP-2025-0001.md"));
    assertThat(file)
        .contains("title: Path traversal in fixture-server", "fixed: 1.4.2")
        .doesNotContain("2.0.0");
    CliRun validate = CliRun.in(site, "validate", "--now", "2026-01-01T00:00:00Z");
    assertThat(validate.exitCode()).as(validate.out()).isZero();
  }

  /** Go's repository records carry the zero time: filed by their ID's year, not in year 1. */
  @Test
  void aRecordDatedByTheZeroTimeIsFiledByItsIdsYear() throws Exception {
    Path in = temp.resolve("GO-2022-0260.json");
    Files.writeString(
        in,
        RECORD
            .replace("GHSA-2x2x-3c3c-4f4f", "GO-2022-0260")
            .replace("2025-03-04T00:00:00Z", "0001-01-01T00:00:00Z")
            .replace("2025-03-10T00:00:00Z", "0001-01-01T00:00:00Z"));
    CliRun kept = CliRun.in(site, "import", "osv", "--keep-ids", in.toString());
    assertThat(kept.exitCode()).as(kept.out()).isZero();
    assertThat(site.resolve("advisories/2022/GO-2022-0260.md")).exists();
    assertThat(site.resolve("advisories/1")).doesNotExist();
  }

  /** A folder of the site linked outside it is never written through. */
  @Test
  void refusesToWriteThroughALinkOutOfTheSite() throws Exception {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.createDirectories(site.resolve(".disclose"));
    Files.createSymbolicLink(site.resolve(".disclose/imported"), outside);
    Path in = temp.resolve("two");
    Files.createDirectories(in);
    Files.writeString(in.resolve("a.json"), RECORD);
    Files.writeString(in.resolve("b.json"), RECORD.replace("2x2x-3c3c-4f4f", "3x3x-4c4c-5f5f"));
    CliRun run = CliRun.in(site, "import", "osv", in.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("refusing to write .disclose/imported/GHSA-2x2x-3c3c-4f4f.md");
    try (Stream<Path> files = Files.list(outside)) {
      assertThat(files).isEmpty();
    }
  }

  /**
   * Records are read and files made in parallel: the same records give the same files and the same
   * report on one thread as on many, fresh and again.
   */
  @Test
  void writesTheSameFilesWhateverTheThreads() throws Exception {
    Path in = temp.resolve("many");
    Files.createDirectories(in);
    for (int i = 1; i <= 60; i++) {
      String record =
          RECORD
              .replace("GHSA-2x2x-3c3c-4f4f", "GHSA-2x2x-3c3c-" + (1000 + i))
              .replace("CVE-2025-10001", "CVE-2025-" + (20000 + i % 50))
              .replace("2025-03-04", (2020 + i % 6) + "-03-04")
              .replace("fixture-server", "fixture-" + i % 7);
      if (i % 5 == 0)
        record = record.replace("\"summary\": \"Path traversal in fixture-" + i % 7 + "\",", "");
      Files.writeString(in.resolve(String.format("r%02d.json", i)), record);
    }
    Files.writeString(in.resolve("r61.json"), "{\"id\": ");
    Path one = copyOf(site, temp.resolve("one"));
    Path many = copyOf(site, temp.resolve("many-threads"));
    for (int round = 0; round < 2; round++) {
      String onOne = importWith(1, one, in);
      String onMany = importWith(4, many, in);
      assertThat(onMany).isEqualTo(onOne);
      assertThat(onOne).contains("61 records:", round == 0 ? "note: no summary" : "60 unchanged");
      assertThat(files(many)).isEqualTo(files(one));
    }
    assertThat(files(one)).hasSizeGreaterThan(100);
  }

  /** What importing {@code in} into {@code site} printed, run on a pool of {@code threads}. */
  private static String importWith(int threads, Path site, Path in) throws Exception {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      CliRun run = pool.submit(() -> CliRun.in(site, "import", "osv", in.toString())).get();
      return run.exitCode() + "\n" + run.out().replaceAll(" in [0-9.]+ s\n", " in … s\n");
    } finally {
      pool.shutdown();
    }
  }

  private static Path copyOf(Path from, Path to) throws Exception {
    Files.createDirectories(to.resolve("advisories"));
    Files.copy(from.resolve("site-config.yaml"), to.resolve("site-config.yaml"));
    return to;
  }

  /** Every file under {@code root}, by relative path, with its bytes as text. */
  private static Map<String, String> files(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path f : walk.filter(Files::isRegularFile).toList())
        out.put(root.relativize(f).toString(), Files.readString(f));
    }
    return out;
  }
}
