package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.disclose.load.SiteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staging folder's life: reused from the output before last, published, or removed. */
class AtomicPublisherTest {
  @TempDir Path temp;

  private Path publishedTwice() throws Exception {
    Path out = temp.resolve("_site");
    for (String text : new String[] {"first", "second"}) {
      AtomicPublisher.Staging staging =
          AtomicPublisher.stageReusing(out, temp.resolve("site"), false);
      Files.writeString(staging.folder().resolve("index.html"), text);
      Files.writeString(staging.folder().resolve("only-" + text + ".html"), text);
      AtomicPublisher.publishKeeping(staging, out);
    }
    return out;
  }

  @Test
  void theOutputBeforeLastIsReusedWithTheSizeOfEachFile() throws Exception {
    Path out = publishedTwice();
    assertThat(out.resolve("index.html")).hasContent("second");
    assertThat(temp.resolve("._site.previous/site/index.html")).hasContent("first");
    assertThat(temp.resolve("._site.previous/.gitignore")).content().contains("\n*\n");

    AtomicPublisher.Staging reused = AtomicPublisher.stageReusing(out, temp.resolve("site"), false);
    assertThat(reused.reused()).isTrue();
    assertThat(reused.files())
        .containsOnly(
            Map.entry(Path.of("index.html"), 5L), Map.entry(Path.of("only-first.html"), 5L));
    assertThat(temp.resolve("._site.previous/site")).doesNotExist();
    // The ignore file never moves: whatever lies beside the output stays out of git status.
    assertThat(temp.resolve("._site.previous/.gitignore")).exists();
  }

  @Test
  void aListingMadeAheadIsUsedOnlyForTheFolderItListed() throws Exception {
    Path out = publishedTwice();
    var ahead = AtomicPublisher.listKeptAhead(out, false);
    assertThat(ahead.get().files())
        .containsOnlyKeys(
            Path.of("index.html"), Path.of("only-first.html"), Path.of(AtomicPublisher.MARKER));
    // Another build meanwhile: the kept copy is now another folder, with other files.
    AtomicPublisher.Staging other = AtomicPublisher.stageReusing(out, temp.resolve("site"), false);
    Files.writeString(other.folder().resolve("index.html"), "third");
    Files.writeString(other.folder().resolve("new.html"), "new");
    AtomicPublisher.publishKeeping(other, out);

    AtomicPublisher.Staging staging =
        AtomicPublisher.stageReusing(out, temp.resolve("site"), false, ahead);
    assertThat(staging.reused()).isTrue();
    // Not the listing of the folder claimed by the other build: this one listed anew.
    assertThat(staging.files())
        .containsOnlyKeys(Path.of("index.html"), Path.of("only-second.html"));
    assertThat(staging.folder().resolve("index.html")).hasContent("second");

    AtomicPublisher.publishKeeping(staging, out);
    var again = AtomicPublisher.listKeptAhead(out, false);
    again.get();
    Files.writeString(temp.resolve("._site.previous/site/added.html"), "x");
    // The same folder, claimed by no build since (its marker untouched): its listing ahead is
    // used, not made again (which would hold added.html, a file put there by hand meanwhile).
    assertThat(AtomicPublisher.stageReusing(out, temp.resolve("site"), false, again).files())
        .containsOnlyKeys(Path.of("index.html"), Path.of("new.html"), Path.of("only-first.html"));
  }

  @Test
  void aFolderTwoBuildsClaimedAndGaveBackIsListedAgain() throws Exception {
    Path out = publishedTwice();
    var ahead = AtomicPublisher.listKeptAhead(out, false);
    ahead.get();
    AtomicPublisher.Staging b = AtomicPublisher.stageReusing(out, temp.resolve("site"), false);
    Files.writeString(b.folder().resolve("extra.html"), "extra");
    AtomicPublisher.publishKeeping(b, out);
    AtomicPublisher.Staging c = AtomicPublisher.stageReusing(out, temp.resolve("site"), false);
    AtomicPublisher.publishKeeping(c, out);
    // The folder listed ahead is back in the kept place, the same inode, with another file.
    AtomicPublisher.Staging staging =
        AtomicPublisher.stageReusing(out, temp.resolve("site"), false, ahead);
    assertThat(staging.reused()).isTrue();
    assertThat(staging.files()).containsKey(Path.of("extra.html"));
  }

  @Test
  void aKeptCopyWithAFolderOthersCanWriteOrOnACaseBlindFileSystemIsNotReused() throws Exception {
    Path out = publishedTwice();
    Path keptSite = temp.resolve("._site.previous/site");
    Files.createDirectories(keptSite.resolve("shared"));
    Files.writeString(keptSite.resolve("shared/index.html"), "x");
    Files.setPosixFilePermissions(
        keptSite.resolve("shared"), PosixFilePermissions.fromString("rwxrwxr-x"));
    AtomicPublisher.Staging staging =
        AtomicPublisher.stageReusing(out, temp.resolve("site"), false);
    assertThat(staging.reused()).isFalse();
    AtomicPublisher.publishKeeping(staging, out);

    // As a file system that ignores case answers: the marker's name in capitals exists too.
    Files.writeString(keptSite.resolve(AtomicPublisher.MARKER.toUpperCase(Locale.ROOT)), "");
    assertThat(AtomicPublisher.stageReusing(out, temp.resolve("site"), false).reused()).isFalse();
  }

  @Test
  void aFailedBuildRemovesTheReusedFolder() throws Exception {
    Path out = publishedTwice();
    AtomicPublisher.Staging reused = AtomicPublisher.stageReusing(out, temp.resolve("site"), false);
    AtomicPublisher.discard(reused);
    assertThat(out.resolve("index.html")).hasContent("second");
    assertThat(siblings()).containsExactlyInAnyOrder("_site", "._site.previous");
    assertThat(temp.resolve("._site.previous/site")).doesNotExist();
  }

  @Test
  void aPreviewKeepsNothingAndAPublicBuildNeverReusesAPreview() throws Exception {
    Path out = publishedTwice();
    AtomicPublisher.Staging preview =
        AtomicPublisher.stageReusing(temp.resolve("_preview"), temp.resolve("site"), true);
    assertThat(preview.reused()).isFalse();
    AtomicPublisher.discard(preview);

    Files.writeString(
        temp.resolve("._site.previous/site").resolve(AtomicPublisher.MARKER),
        AtomicPublisher.PREVIEW + ": drafts");
    AtomicPublisher.Staging staging =
        AtomicPublisher.stageReusing(out, temp.resolve("site"), false);
    assertThat(staging.reused()).isFalse();
    AtomicPublisher.discard(staging);
    assertThat(siblings()).noneMatch(n -> n.contains(".building-"));
  }

  @Test
  void aKeptFolderOthersCanWriteIntoIsNeitherReusedNorTouched() throws Exception {
    Path out = publishedTwice();
    Path kept = temp.resolve("._site.previous");
    Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rwxrwxr-x"));
    AtomicPublisher.Staging staging =
        AtomicPublisher.stageReusing(out, temp.resolve("site"), false);
    assertThat(staging.reused()).isFalse();
    Files.writeString(staging.folder().resolve("index.html"), "third");
    AtomicPublisher.publishKeeping(staging, out);
    assertThat(out.resolve("index.html")).hasContent("third");
    assertThat(kept.resolve("site/index.html")).hasContent("first");
    assertThat(siblings()).containsExactlyInAnyOrder("_site", "._site.previous");
  }

  @Test
  void anOutputItMayNotReplaceClaimsNothing() throws Exception {
    Path out = publishedTwice();
    Files.delete(out.resolve(AtomicPublisher.MARKER));
    assertThatThrownBy(() -> AtomicPublisher.stageReusing(out, temp.resolve("site"), false))
        .isInstanceOf(SiteException.class)
        .hasMessageContaining("not written by disclose build");
    assertThat(temp.resolve("._site.previous/site/index.html")).hasContent("first");
    assertThat(siblings()).containsExactlyInAnyOrder("_site", "._site.previous");
  }

  @Test
  void aSecondBuildInTheSameProcessLeavesTheFirstOnesLockHeld() throws Exception {
    Path out = temp.resolve("_site");
    try (AtomicPublisher.Staging first = AtomicPublisher.stage(out, temp.resolve("site"));
        AtomicPublisher.Staging second = AtomicPublisher.stage(out, temp.resolve("site"))) {
      assertThat(lockedElsewhere(first.claim().folder(OutputClaim.LOCK))).isTrue();
      assertThat(first.folder()).isDirectory();
    }
  }

  /**
   * Whether another process finds {@code lock} locked: only another process sees the locks this one
   * holds as the kernel does.
   */
  private boolean lockedElsewhere(Path lock) throws Exception {
    Path probe = temp.resolve("Probe.java");
    Files.writeString(
        probe,
        """
        import java.nio.channels.FileChannel;
        import java.nio.file.Path;
        import java.nio.file.StandardOpenOption;

        public class Probe {
          public static void main(String[] args) throws Exception {
            try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
              System.out.print(c.tryLock() == null ? "held" : "free");
            }
          }
        }
        """);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(java, probe.toString(), lock.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(said).isTrue();
    assertThat(said).isIn("held", "free");
    return said.equals("held");
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> list = Files.list(temp)) {
      return list.map(p -> p.getFileName().toString()).toList();
    }
  }
}
