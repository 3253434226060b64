package dev.disclose.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.Advisory;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.pipeline.OutputFormats;
import dev.disclose.serve.ChangedPaths;
import dev.disclose.serve.PreviewMemo;
import dev.disclose.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview server's rebuild after an edit reads what its file watcher reported changed, and
 * takes every other file as the previous read left it.
 */
class ChangedPathsTest {
  @TempDir Path site;
  final PreviewMemo memo = new PreviewMemo(ForkJoinPool.commonPool(), false);
  final ChangedPaths changes = new ChangedPaths();
  long racy;

  @BeforeEach
  void trustAttributesAtOnce() throws Exception {
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    // The fixture was just copied: its change times are now. Trusted at once, as a file last
    // changed long ago would be.
    racy = FileVersion.racyMillis;
    FileVersion.racyMillis = 0;
  }

  @AfterEach
  void restore() {
    FileVersion.racyMillis = racy;
  }

  /** One read as a rebuild makes it: with the watcher's report since the previous one, or none. */
  private Map<String, Advisory> read(boolean withReport) throws Exception {
    return load(withReport ? changes.take() : Changes.UNKNOWN).advisories().stream()
        .collect(Collectors.toMap(Advisory::id, Function.identity()));
  }

  /** One load as a rebuild makes it, with what the watcher saw; any other take forgets it. */
  private SiteSources load(Changes seen) throws Exception {
    if (!seen.known()) changes.take();
    SiteSources sources =
        new SiteLoader(memo, OutputFormats.names())
            .load(
                LoadRequest.toCheck(SiteRoot.open(site, new PathDisplay(site))).withChanges(seen));
    memo.commit();
    return sources;
  }

  private Path file(String relative) {
    return site.resolve(relative);
  }

  /** Writes {@code file} as an editor would, and reports it as the watcher would. */
  private void edit(String relative, String from, String to) throws Exception {
    Path f = file(relative);
    Files.writeString(f, Files.readString(f).replace(from, to));
    changes.changed(f);
  }

  @Test
  void aReportIsUnknownUntilTheFirstTakeAndAfterEventsWereLost() {
    assertThat(changes.take().known()).isFalse();
    changes.changed(site.resolve("advisories/../advisories/2025/FIX-2025-0001.md"));
    Changes report = changes.take();
    assertThat(report.known()).isTrue();
    assertThat(report.paths())
        .containsExactly(site.resolve("advisories/2025/FIX-2025-0001.md").toAbsolutePath());
    assertThat(changes.take().paths()).isEmpty();

    changes.changed(site.resolve("advisories/2025/FIX-2025-0002.md"));
    changes.unknown();
    assertThat(changes.take().known()).isFalse();
    assertThat(changes.take()).isEqualTo(new Changes(true, Set.of()));
  }

  /** A rebuild that reads every file vouches for what follows and leaves what it read reported. */
  @Test
  void aVouchMakesTheNextTakeKnownAndKeepsThePathsReportedBefore() {
    changes.unknown();
    Path edited = site.resolve("advisories/2025/FIX-2025-0001.md").toAbsolutePath();
    changes.changed(edited);
    changes.vouch();
    assertThat(changes.pending()).containsExactly(edited);
    Changes report = changes.take();
    assertThat(report.known()).isTrue();
    assertThat(report.paths()).containsExactly(edited);
    assertThat(changes.pending()).isEmpty();

    changes.vouch();
    changes.unknown(); // events lost during the rebuild that vouched
    assertThat(changes.take().known()).isFalse();
    changes.distrust();
    changes.vouch();
    assertThat(changes.take().known()).isFalse();
  }

  @Test
  void distrustedReportsAreUnknownForGood() {
    changes.take();
    changes.distrust();
    changes.changed(site.resolve("advisories/2025/FIX-2025-0001.md"));
    assertThat(changes.take().known()).isFalse();
    assertThat(changes.take().known()).isFalse();
  }

  /** A walk that met a problem is made again: only a walk tells whether the problem is gone. */
  @Test
  void aWalkThatMetAProblemIsMadeAgain() throws Exception {
    Path link = file("advisories/outside");
    Files.createSymbolicLink(link, Files.createTempDirectory("disclose-outside"));
    List<Diagnostic> problems = load(Changes.UNKNOWN).folderProblems();
    assertThat(problems).extracting(d -> d.rule().code()).containsExactly("F008");

    Files.delete(link);
    changes.changed(link);
    assertThat(load(changes.take()).folderProblems()).isEmpty();
  }

  @Test
  void aFileTheReportNamesIsReadAgainAndOneItDoesNotNameIsNotLookedAt() throws Exception {
    Map<String, Advisory> first = read(false);
    // Changed, but not reported: the rebuild after an edit takes it as it was.
    Path unreported = file("advisories/2025/FIX-2025-0001.md");
    Files.writeString(
        unreported, Files.readString(unreported).replace("normalizing", "NORMALIZING"));
    edit(
        "advisories/2025/FIX-2025-0002.md",
        "Request smuggling in the proxy",
        "Request smuggling, renamed");

    Map<String, Advisory> second = read(true);
    assertThat(second.get("FIX-2025-0002").title()).isEqualTo("Request smuggling, renamed");
    assertThat(second.get("FIX-2025-0001")).isSameAs(first.get("FIX-2025-0001"));
    assertThat(second.get("FIX-2025-0004")).isSameAs(first.get("FIX-2025-0004"));

    // Any other rebuild looks at every file: what the watcher missed shows then.
    assertThat(read(false).get("FIX-2025-0001").details()).contains("NORMALIZING");
  }

  @Test
  void aFileChangedTooRecentlyToTrustItsAttributesIsLookedAtUnreported() throws Exception {
    FileVersion.racyMillis = racy; // the fixture was copied just now
    read(false);
    Path unreported = file("advisories/2025/FIX-2025-0001.md");
    Files.writeString(
        unreported, Files.readString(unreported).replace("normalizing", "NORMALIZING"));
    assertThat(read(true).get("FIX-2025-0001").details()).contains("NORMALIZING");
  }

  @Test
  void filesReportedCreatedOrDeletedAreListedOrDroppedWithoutAWalk() throws Exception {
    read(false);
    Path created = file("advisories/2025/FIX-2025-0009.md");
    Files.writeString(
        created,
        Files.readString(file("advisories/2025/FIX-2025-0002.md"))
            .replace("FIX-2025-0002", "FIX-2025-0009")
            .replaceAll("(?m)^aliases:.*$", "aliases: []"));
    changes.changed(created);
    Files.delete(file("advisories/2025/FIX-2025-0004.md"));
    changes.changed(file("advisories/2025/FIX-2025-0004.md"));
    // An editor's swap file: no advisory, no walk.
    Files.writeString(file("advisories/2025/.FIX-2025-0001.md.swp"), "swap");
    changes.changed(file("advisories/2025/.FIX-2025-0001.md.swp"));
    // Created but not reported: proof that the folders were not walked again.
    Files.writeString(
        file("advisories/2025/FIX-2025-0010.md"),
        Files.readString(created).replace("FIX-2025-0009", "FIX-2025-0010"));

    Map<String, Advisory> second = read(true);
    assertThat(second)
        .containsKey("FIX-2025-0009")
        .doesNotContainKeys("FIX-2025-0004", "FIX-2025-0010");
    assertThat(read(false)).containsKeys("FIX-2025-0009", "FIX-2025-0010");
  }

  @Test
  void aFolderReportedCreatedOrDeletedIsWalked() throws Exception {
    read(false);
    Path archive = file("advisories/archive");
    Files.createDirectories(archive);
    Files.move(file("advisories/2025/FIX-2025-0001.md"), archive.resolve("FIX-2025-0001.md"));
    // As inotify reports it: the new folder, and the file gone from the old one; not the file
    // made inside the folder before the folder was watched.
    changes.changed(archive);
    changes.changed(file("advisories/2025/FIX-2025-0001.md"));
    Map<String, Advisory> moved = read(true);
    assertThat(moved.get("FIX-2025-0001").source().relativePath())
        .isEqualTo("advisories/archive/FIX-2025-0001.md");

    Files.delete(archive.resolve("FIX-2025-0001.md"));
    Files.delete(archive);
    changes.changed(archive);
    assertThat(read(true)).doesNotContainKey("FIX-2025-0001").containsKey("FIX-2025-0002");
  }

  /** A reported file is read whatever its attributes say (here its modification time set back). */
  @Test
  void aReportedFileIsReadWhateverItsAttributesSay() throws Exception {
    Map<String, Advisory> first = read(false);
    edit("advisories/2025/FIX-2025-0001.md", "normalizing", "NORMALIZING");
    Files.setLastModifiedTime(
        file("advisories/2025/FIX-2025-0001.md"), FileTime.from(Instant.now().minusSeconds(3600)));
    Map<String, Advisory> second = read(true);
    assertThat(second.get("FIX-2025-0001")).isNotSameAs(first.get("FIX-2025-0001"));
    assertThat(second.get("FIX-2025-0001").details()).contains("NORMALIZING");
    assertThat(List.copyOf(second.keySet())).containsExactlyInAnyOrderElementsOf(first.keySet());
  }
}
