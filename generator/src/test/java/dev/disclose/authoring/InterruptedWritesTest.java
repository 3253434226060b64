package dev.disclose.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing commands stopped midway, by a failure injected between two files: {@code assign-ids}
 * leaves the old set of files or, once the next assign-ids completes it, the new one, never one
 * advisory under two IDs; a full disk is reported as one, naming the file, and leaves no half file.
 */
class InterruptedWritesTest {
  @TempDir Path site;

  @BeforeEach
  void twoNewAdvisories() throws IOException {
    TestSites.withConfig(site);
    TestSites.write(
        site, "advisories/2026/DEMO-2026-0001.md", TestSites.validAdvisory("DEMO-2026-0001"));
    for (String name : List.of("first", "second")) {
      TestSites.write(
          site,
          "advisories/new-" + name + "/DEMO-0000-0000.md",
          TestSites.validAdvisory("DEMO-0000-0000")
              .replace("CVE-2025-31337", name.equals("first") ? "CVE-2025-1111" : "CVE-2025-2222")
              .replace("Path traversal", "Path traversal (" + name + ")"));
    }
  }

  @AfterEach
  void realWrites() {
    AtomicFiles.contents = Files::write;
    IdJournal.afterEachMove = () -> {};
  }

  /** Every file under advisories/, hidden ones too, relative to the site. */
  private List<String> files() throws IOException {
    try (Stream<Path> walk = Files.walk(site.resolve("advisories"))) {
      return walk.filter(Files::isRegularFile)
          .map(p -> site.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  private static final List<String> OLD_SET =
      List.of(
          "advisories/2026/DEMO-2026-0001.md",
          "advisories/new-first/DEMO-0000-0000.md",
          "advisories/new-second/DEMO-0000-0000.md");

  private static final List<String> NEW_SET =
      List.of(
          "advisories/2026/DEMO-2026-0001.md",
          "advisories/2026/DEMO-2026-0002.md",
          "advisories/2026/DEMO-2026-0003.md");

  /** How many advisory files (what validate and build read) hold an advisory, by its title. */
  private long filesHolding(String title) throws IOException {
    try (Stream<Path> walk = Files.walk(site.resolve("advisories"))) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".md"))
          .filter(
              p -> {
                try {
                  return Files.readString(p).contains(title);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .count();
    }
  }

  @Test
  void assignIdsStoppedBetweenTwoFilesIsCompletedByTheNextAssignIds() throws Exception {
    AtomicInteger moved = new AtomicInteger();
    IdJournal.afterEachMove =
        () -> {
          if (moved.incrementAndGet() == 1) throw new IllegalStateException("killed");
        };

    CliRun stopped = CliRun.in(site, "assign-ids");

    assertThat(stopped.exitCode()).isEqualTo(2);
    // Stopped midway, each advisory still has one file, under its old name or its new one.
    assertThat(filesHolding("Path traversal (first)")).isEqualTo(1);
    assertThat(filesHolding("Path traversal (second)")).isEqualTo(1);
    realWrites();
    List<String> stoppedAt = files();

    CliRun refused = CliRun.in(site, "validate");

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("run `disclose assign-ids` to finish it");
    assertThat(files()).isEqualTo(stoppedAt);

    CliRun completed = CliRun.in(site, "assign-ids");

    assertThat(completed.exitCode()).isZero();
    assertThat(completed.err())
        .contains("completed the `disclose assign-ids` that stopped midway: 2 advisories");
    assertThat(files()).isEqualTo(NEW_SET);
    assertThat(CliRun.in(site, "validate").out()).isEqualTo("checked 3 files: no problems\n");
    assertThat(site.resolve(IdJournal.FILE)).doesNotExist();
    assertThat(site.resolve("advisories/2026/DEMO-2026-0003.md"))
        .content()
        .contains("id: DEMO-2026-0003\n", "Path traversal (second)");
  }

  @Test
  void aJournalNamingFilesOutsideAdvisoriesMovesNothing(@TempDir Path outside) throws Exception {
    Files.createSymbolicLink(site.resolve("advisories/elsewhere"), outside);
    Files.writeString(site.resolve("advisories/2026/.x.md.assigning"), "planted");
    Files.writeString(
        site.resolve(IdJournal.FILE),
        "[{\"from\": \"advisories/2026/DEMO-2026-0001.md\", \"to\": \"advisories/elsewhere/x.md\","
            + " \"temp\": \"advisories/2026/.x.md.assigning\"}]");

    CliRun run = CliRun.in(site, "assign-ids");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("names `to` `advisories/elsewhere/x.md`", "nothing was moved");
    try (Stream<Path> files = Files.list(outside)) {
      assertThat(files).isEmpty();
    }
    assertThat(site.resolve("advisories/2026/DEMO-2026-0001.md")).exists();
  }

  @Test
  void aFullDiskWhileAssigningIdsChangesNoFileAndSaysSo() throws Exception {
    AtomicInteger writes = new AtomicInteger();
    AtomicFiles.contents =
        (file, bytes) -> {
          if (writes.incrementAndGet() == 2) {
            Files.write(file, new byte[] {'-', '-'}); // half written
            throw new IOException("No space left on device");
          }
          Files.write(file, bytes);
        };

    CliRun run = CliRun.in(site, "assign-ids");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "DEMO-2026-0003.md",
            "the disk is full (No space left on device); free some space on it and run again")
        .doesNotContain("internal error", "Exception", "\tat ");
    assertThat(files()).isEqualTo(OLD_SET);
    assertThat(site.resolve(IdJournal.FILE)).doesNotExist();
    realWrites();
    assertThat(CliRun.in(site, "assign-ids").exitCode()).isZero();
    assertThat(files()).isEqualTo(NEW_SET);
  }

  @Test
  void aFullDiskDuringImportIsReportedAsOneAndLeavesNoHalfFile(@TempDir Path in) throws Exception {
    Files.writeString(
        in.resolve("a.json"),
        """
        {"id": "GHSA-2x2x-3c3c-4f4f", "modified": "2025-03-10T00:00:00Z",
         "published": "2025-03-04T00:00:00Z", "summary": "Path traversal in fixture-server",
         "details": "Joined paths without normalizing them.",
         "affected": [{"package": {"ecosystem": "PyPI", "name": "fixture-server"},
           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "1.0.0"}, {"fixed": "1.4.2"}]}]}]}
        """);
    AtomicFiles.contents =
        (file, bytes) -> {
          Files.write(file, new byte[] {'-', '-', '-'}); // half written
          throw new IOException("No space left on device");
        };
    List<String> before = files();

    CliRun run = CliRun.in(site, "import", "osv", in.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("disclose: " + site.resolve("advisories"))
        .contains(
            ".md: the disk is full (No space left on device); free some space on it and run again")
        .doesNotContain("internal error", "please report", "Exception", "\tat ");
    assertThat(files()).isEqualTo(before);
  }
}
