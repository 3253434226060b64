package dev.disclose.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A journal of {@code assign-ids} committed by a pull request: no command but {@code assign-ids}
 * acts on it, and {@code assign-ids} refuses any journal of another shape than a run writes, before
 * it moves anything, with a message that names the journal and says what to do.
 */
class HostileJournalTest {
  @TempDir Path site;
  @TempDir Path outside;

  private Path victim;

  @BeforeEach
  void siteAndAFileOutsideIt() throws IOException {
    TestSites.withConfig(site);
    TestSites.write(
        site, "advisories/2026/DEMO-2026-0001.md", TestSites.validAdvisory("DEMO-2026-0001"));
    TestSites.write(
        site, "advisories/new/DEMO-0000-0000.md", TestSites.validAdvisory("DEMO-0000-0000"));
    victim = outside.resolve("id_rsa");
    Files.writeString(victim, "secret key");
  }

  @AfterEach
  void realMoves() {
    IdJournal.afterEachMove = () -> {};
  }

  private void journal(String json) throws IOException {
    Files.writeString(site.resolve(IdJournal.FILE), json);
  }

  /** Every path under the site and outside it, links as themselves, with file contents. */
  private List<String> everything() throws IOException {
    List<String> all = new java.util.ArrayList<>();
    for (Path top : List.of(site, outside)) {
      try (Stream<Path> walk = Files.walk(top)) {
        for (Path p : walk.sorted().toList()) {
          String entry = top.relativize(p).toString();
          if (Files.isSymbolicLink(p)) entry += " -> " + Files.readSymbolicLink(p);
          else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
            entry += ": " + Files.readString(p);
          all.add(entry);
        }
      }
    }
    return all;
  }

  private static void assertPlainError(CliRun run) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(IdJournal.FILE)
        .doesNotContain("internal error", "java.", "Exception", "$", "\tat ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "assign-ids"})
  void aJournalThatMakesAFolderToPassALinkThroughMovesNothing(String command) throws Exception {
    Files.createDirectories(site.resolve("advisories/.e.assigning"));
    Files.createSymbolicLink(site.resolve("advisories/.e.assigning/s"), outside);
    Files.writeString(site.resolve("advisories/.leak.assigning"), "overwrite");
    journal(
        """
        [{"from": "advisories/none.md", "to": "advisories/e", "temp": "advisories/.e.assigning"},
         {"from": "advisories/e/s/id_rsa", "to": "advisories/leak",
          "temp": "advisories/.leak.assigning"}]
        """);
    List<String> before = everything();

    CliRun run = CliRun.in(site, command);

    assertThat(victim).content().isEqualTo("secret key");
    assertThat(everything()).isEqualTo(before);
    assertPlainError(run);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "null",
        "[null]",
        "{}",
        "",
        "not json",
        "[] []",
        "[1]",
        "[{\"from\": \"advisories/new/DEMO-0000-0000.md\", \"to\":"
            + " \"advisories/2026/DEMO-2026-0002.md\"}]",
        "[{\"from\": 1, \"to\": \"advisories/2026/DEMO-2026-0002.md\","
            + " \"temp\": \"advisories/2026/.DEMO-2026-0002.md.assigning\"}]",
        "[{\"from\": \"advisories/new/DEMO\\u0000.md\", \"to\":"
            + " \"advisories/2026/DEMO-2026-0002.md\","
            + " \"temp\": \"advisories/2026/.DEMO-2026-0002.md.assigning\"}]",
        "[{\"from\": \"advisories/new/../../site-config.yaml.md\", \"to\":"
            + " \"advisories/2026/DEMO-2026-0002.md\","
            + " \"temp\": \"advisories/2026/.DEMO-2026-0002.md.assigning\"}]",
        "[{\"from\": \"advisories/new/DEMO-0000-0000.md\", \"to\": \"advisories/new/x.md\","
            + " \"temp\": \"advisories/new/.x.md.assigning\"}]",
        "[{\"from\": \"advisories/new/DEMO-0000-0000.md\", \"to\":"
            + " \"advisories/2026/DEMO-2026-0002.md\", \"temp\": \"advisories/2026/.x.assigning\"}]",
        "[{\"from\": \"advisories/new/DEMO-0000-0000.md\", \"to\":"
            + " \"advisories/2026/DEMO-2026-0002.md\","
            + " \"temp\": \"advisories/2026/.DEMO-2026-0002.md.assigning\", \"then\": \"x\"}]",
        "[{\"from\": \"advisories/new/DEMO-0000-0000.md\", \"to\":"
            + " \"advisories/2026/DEMO-2026-0002.md\","
            + " \"temp\": \"advisories/2026/.DEMO-2026-0002.md.assigning\"},"
            + " {\"from\": \"advisories/new/DEMO-0000-0000.md\", \"to\":"
            + " \"advisories/2026/DEMO-2026-0003.md\","
            + " \"temp\": \"advisories/2026/.DEMO-2026-0003.md.assigning\"}]",
        "[{\"from\": \"advisories/new.md\", \"to\":"
            + " \"advisories/2026/DEMO-2026-0002.md\","
            + " \"temp\": \"advisories/2026/.DEMO-2026-0002.md.assigning\"},"
            + " {\"from\": \"advisories/new.md/DEMO-0000-0000.md\", \"to\":"
            + " \"advisories/2026/DEMO-2026-0003.md\","
            + " \"temp\": \"advisories/2026/.DEMO-2026-0003.md.assigning\"}]"
      })
  void aJournalOfAnotherShapeIsRefusedWholeWithAPlainMessage(String json) throws Exception {
    Files.writeString(site.resolve("advisories/2026/.DEMO-2026-0002.md.assigning"), "new text");
    Files.writeString(site.resolve("advisories/2026/.DEMO-2026-0003.md.assigning"), "new text");
    journal(json);
    List<String> before = everything();

    CliRun run = CliRun.in(site, "assign-ids");

    assertPlainError(run);
    assertThat(run.err()).contains("cannot finish the `disclose assign-ids` run", "delete it");
    assertThat(everything()).isEqualTo(before);
  }

  @Test
  void aJournalPassingALinkedFolderIsRefusedWhole() throws Exception {
    Files.writeString(outside.resolve("DEMO-0000-0000.md"), "outside");
    Files.createSymbolicLink(site.resolve("advisories/linked"), outside);
    Files.writeString(site.resolve("advisories/2026/.DEMO-2026-0002.md.assigning"), "new text");
    Files.writeString(site.resolve("advisories/2026/.DEMO-2026-0003.md.assigning"), "new text");
    journal(
        """
        [{"from": "advisories/new/DEMO-0000-0000.md", "to": "advisories/2026/DEMO-2026-0002.md",
          "temp": "advisories/2026/.DEMO-2026-0002.md.assigning"},
         {"from": "advisories/linked/DEMO-0000-0000.md", "to": "advisories/2026/DEMO-2026-0003.md",
          "temp": "advisories/2026/.DEMO-2026-0003.md.assigning"}]
        """);
    List<String> before = everything();

    CliRun run = CliRun.in(site, "assign-ids");

    assertPlainError(run);
    assertThat(run.err()).contains("entry 2", "`advisories/linked`, a symbolic link");
    assertThat(everything()).isEqualTo(before);
  }

  @Test
  void aFolderTurnedIntoALinkAfterTheCheckIsCaughtBeforeItsRename() throws Exception {
    TestSites.write(
        site, "advisories/other/DEMO-0000-0000.md", TestSites.validAdvisory("DEMO-0000-0000"));
    Files.writeString(outside.resolve("DEMO-0000-0000.md"), "outside");
    Files.writeString(site.resolve("advisories/2026/.DEMO-2026-0002.md.assigning"), "new text");
    Files.writeString(site.resolve("advisories/2026/.DEMO-2026-0003.md.assigning"), "new text");
    journal(
        """
        [{"from": "advisories/new/DEMO-0000-0000.md", "to": "advisories/2026/DEMO-2026-0002.md",
          "temp": "advisories/2026/.DEMO-2026-0002.md.assigning"},
         {"from": "advisories/other/DEMO-0000-0000.md", "to": "advisories/2026/DEMO-2026-0003.md",
          "temp": "advisories/2026/.DEMO-2026-0003.md.assigning"}]
        """);
    IdJournal.afterEachMove =
        () -> {
          try {
            Path other = site.resolve("advisories/other");
            Files.delete(other.resolve("DEMO-0000-0000.md"));
            Files.delete(other);
            Files.createSymbolicLink(other, outside);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          IdJournal.afterEachMove = () -> {};
        };

    CliRun run = CliRun.in(site, "assign-ids");

    assertPlainError(run);
    assertThat(run.err()).contains("entry 2", "`advisories/other`, a symbolic link");
    assertThat(outside.resolve("DEMO-0000-0000.md")).content().isEqualTo("outside");
    assertThat(site.resolve("advisories/2026/DEMO-2026-0003.md")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "build", "embargoes", "assign-ids --dry-run"})
  void everyOtherCommandRefusesAJournalAndMovesNothing(String command) throws Exception {
    Files.writeString(site.resolve("advisories/2026/.DEMO-2026-0002.md.assigning"), "new text");
    journal(
        """
        [{"from": "advisories/new/DEMO-0000-0000.md", "to": "advisories/2026/DEMO-2026-0002.md",
          "temp": "advisories/2026/.DEMO-2026-0002.md.assigning"}]
        """);
    List<String> before = everything();

    CliRun run = CliRun.in(site, command.split(" "));

    assertPlainError(run);
    assertThat(run.err())
        .contains("`disclose assign-ids` run stopped midway", "run `disclose assign-ids`");
    assertThat(run.out()).isEmpty();
    assertThat(everything()).isEqualTo(before);
  }
}
