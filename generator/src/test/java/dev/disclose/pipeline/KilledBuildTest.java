package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a build killed midway leaves beside the output, as it lies on disk, and what the next build
 * makes of it: the output is there again if a swap was cut short, dead builds' folders are gone,
 * and live builds' folders, and whatever merely looks like a build's, stay.
 */
class KilledBuildTest {
  static final String NOW = "2025-12-01T00:00:00Z";

  @TempDir Path site;

  @BeforeEach
  void aSite() throws IOException {
    TestSites.withConfig(site);
    TestSites.write(
        site, "advisories/2025/DEMO-2025-0001.md", TestSites.validAdvisory("DEMO-2025-0001"));
  }

  /** A complete output as a build writes it into {@code folder}, its index saying {@code text}. */
  private static void output(Path folder, String text) throws IOException {
    Files.createDirectories(folder.resolve("advisories"));
    Files.writeString(folder.resolve(AtomicPublisher.MARKER), "Written by disclose.\n");
    Files.writeString(folder.resolve("index.html"), text);
    Files.writeString(folder.resolve("advisories/index.html"), text);
  }

  /** Breaks the site: a build of it is refused and writes nothing. */
  private void breakTheSite() throws IOException {
    TestSites.write(site, "advisories/2025/DEMO-2025-0002.md", "no front matter\n");
  }

  private List<String> besideTheOutput() throws IOException {
    try (Stream<Path> entries = Files.list(site)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("._site."))
          .sorted()
          .toList();
    }
  }

  @Test
  void aBuildKilledBetweenTheSwapsRenamesHasItsOutputPutBackByTheNextBuild() throws Exception {
    // The state between the renames: the previous output moved aside to be kept, the new one
    // complete but not yet renamed into place, its lock released by the kill.
    output(site.resolve("._site.previous/site"), "before last");
    output(site.resolve("._site.built-41"), "newest");
    Files.createFile(site.resolve("._site.lock-41"));
    assertThat(site.resolve("_site")).doesNotExist();
    breakTheSite();

    CliRun refused = CliRun.in(site, "build", "--now", NOW);

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(site.resolve("_site/index.html")).hasContent("newest");
    assertThat(site.resolve("_site/advisories/index.html")).hasContent("newest");
    assertThat(site.resolve("_site").resolve(AtomicPublisher.MARKER)).isRegularFile();
    assertThat(besideTheOutput()).containsExactly("._site.previous");
  }

  @Test
  void onlyAKilledBuildsCompleteOutputIsPutBackNotAFolderNamedLikeOne() throws Exception {
    output(site.resolve("._site.built-41"), "newest");
    Files.createFile(site.resolve("._site.lock-41"));
    // Someone's copy under a build's name, written later, without a build's lock file.
    output(site.resolve("._site.built-99"), "a copy of someone's");
    Files.setLastModifiedTime(
        site.resolve("._site.built-99").resolve(AtomicPublisher.MARKER),
        FileTime.from(Instant.now().plusSeconds(60)));
    breakTheSite();

    assertThat(CliRun.in(site, "build", "--now", NOW).exitCode()).isEqualTo(1);

    assertThat(site.resolve("_site/index.html")).hasContent("newest");
    assertThat(site.resolve("._site.built-99/index.html")).hasContent("a copy of someone's");
    assertThat(besideTheOutput()).containsExactly("._site.built-99");
  }

  @Test
  void withoutACompleteNewOutputTheOutputBeforeLastIsNotPutBack() throws Exception {
    output(site.resolve("._site.previous/site"), "before last");
    // A staging folder still being written when its build was killed is no output.
    output(site.resolve("._site.building-42"), "half");
    Files.createFile(site.resolve("._site.lock-42"));
    breakTheSite();

    assertThat(CliRun.in(site, "build", "--now", NOW).exitCode()).isEqualTo(1);

    // The output before last may hold an advisory the last build removed.
    assertThat(site.resolve("_site")).doesNotExist();
    assertThat(site.resolve("._site.previous/site/index.html")).hasContent("before last");
    assertThat(besideTheOutput()).containsExactly("._site.previous");
  }

  @Test
  void anOutputRemovedByHandIsNotBroughtBackFromTheOutputBeforeLast() throws Exception {
    assertThat(CliRun.in(site, "build", "--now", NOW).exitCode()).isZero();
    assertThat(CliRun.in(site, "build", "--now", NOW).exitCode()).isZero();
    AtomicPublisher.deleteTree(site.resolve("_site"));
    TestSites.write(site, "site-config.yaml", "not: [a config\n");

    assertThat(CliRun.in(site, "build", "--now", NOW).exitCode()).isNotZero();

    assertThat(site.resolve("_site")).doesNotExist();
  }

  @Test
  void foldersMerelyNamedLikeABuildsStay() throws Exception {
    Files.createDirectories(site.resolve("._site.old-1"));
    Files.writeString(site.resolve("._site.old-1/important.txt"), "mine");
    Files.createDirectories(site.resolve("._site.building-mydata"));
    Files.writeString(site.resolve("._site.building-mydata/notes.txt"), "mine");
    // A dead lock file, but a folder without the marker: not a build's.
    Files.createDirectories(site.resolve("._site.built-46"));
    Files.writeString(site.resolve("._site.built-46/notes.txt"), "mine");
    Files.createFile(site.resolve("._site.lock-46"));
    // A marked folder whose lock file is a link: not a build's either.
    output(site.resolve("._site.old-47"), "mine");
    Files.createFile(site.resolve("elsewhere"));
    Files.createSymbolicLink(site.resolve("._site.lock-47"), site.resolve("elsewhere"));

    assertThat(CliRun.in(site, "build", "--now", NOW).exitCode()).isZero();

    assertThat(site.resolve("._site.old-1/important.txt")).hasContent("mine");
    assertThat(site.resolve("._site.building-mydata/notes.txt")).hasContent("mine");
    assertThat(site.resolve("._site.built-46/notes.txt")).hasContent("mine");
    assertThat(site.resolve("._site.old-47/index.html")).hasContent("mine");
    assertThat(site.resolve("elsewhere")).isRegularFile();
    assertThat(besideTheOutput())
        .containsExactly(
            "._site.building-mydata",
            "._site.built-46",
            "._site.lock-47",
            "._site.old-1",
            "._site.old-47",
            "._site.previous");
  }

  @Test
  void aDeadBuildsFolderIsRemovedWithoutFollowingTheLinksInIt() throws Exception {
    output(site.resolve("._site.old-48"), "killed");
    Files.createFile(site.resolve("._site.lock-48"));
    Files.createDirectories(site.resolve("kept/inside"));
    Files.writeString(site.resolve("kept/inside/file.txt"), "mine");
    Files.createSymbolicLink(site.resolve("._site.old-48/link"), site.resolve("kept"));

    assertThat(CliRun.in(site, "build", "--now", NOW).exitCode()).isZero();

    assertThat(site.resolve("kept/inside/file.txt")).hasContent("mine");
    assertThat(besideTheOutput()).containsExactly("._site.previous");
  }

  @Test
  void aRefusedOutputHasNothingBesideItTouched() throws Exception {
    Path documents = site.resolve("Documents");
    Files.createDirectories(documents);
    Files.writeString(documents.resolve("letter.txt"), "mine");
    // As a killed build would leave it, yet beside a folder no build may write into.
    output(site.resolve(".Documents.old-1"), "mine");
    Files.createFile(site.resolve(".Documents.lock-1"));

    assertThat(CliRun.in(site, "build", "--now", NOW, "--out", documents.toString()).exitCode())
        .isNotZero();

    assertThat(site.resolve(".Documents.old-1/index.html")).hasContent("mine");
    assertThat(site.resolve(".Documents.lock-1")).isRegularFile();
    assertThat(documents.resolve("letter.txt")).hasContent("mine");
  }

  @Test
  void staleStagingFoldersAreRemovedAndALiveBuildsStays() throws Exception {
    assertThat(CliRun.in(site, "build", "--now", NOW).exitCode()).isZero();
    // A killed build, with its lock file; a folder without one is no build's for certain.
    output(site.resolve("._site.building-43"), "killed");
    Files.createFile(site.resolve("._site.lock-43"));
    output(site.resolve("._site.building-1234567"), "no lock file");
    // A build running alongside, holding its lock.
    output(site.resolve("._site.building-44"), "live");
    try (FileChannel lock =
        FileChannel.open(
            site.resolve("._site.lock-44"),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE)) {
      lock.lock();

      assertThat(CliRun.in(site, "build", "--no-cache", "--now", NOW).exitCode()).isZero();

      assertThat(besideTheOutput())
          .containsExactly(
              "._site.building-1234567", "._site.building-44", "._site.lock-44", "._site.previous");
      assertThat(site.resolve("._site.building-44/index.html")).hasContent("live");
      assertThat(site.resolve("_site/advisories/DEMO-2025-0001/index.html")).isRegularFile();
    }
    // Its build gone, the next one removes its folder too, even one that finds nothing changed.
    CliRun again = CliRun.in(site, "build", "--now", NOW);
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).startsWith("nothing changed");
    assertThat(besideTheOutput()).containsExactly("._site.building-1234567", "._site.previous");
  }

  @Test
  void anOutputThatIsThereIsLeftAsItIs() throws Exception {
    assertThat(CliRun.in(site, "build", "--now", NOW).exitCode()).isZero();
    String index = Files.readString(site.resolve("_site/index.html"));
    output(site.resolve("._site.built-45"), "older, killed before its swap");
    Files.createFile(site.resolve("._site.lock-45"));
    breakTheSite();

    assertThat(CliRun.in(site, "build", "--now", NOW).exitCode()).isEqualTo(1);

    assertThat(site.resolve("_site/index.html")).hasContent(index);
    assertThat(besideTheOutput()).containsExactly("._site.previous");
  }
}
