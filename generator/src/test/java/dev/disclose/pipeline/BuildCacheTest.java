package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that remembers writes what a build that does not would write: after every kind of change
 * (an edit, a deletion, the theme, the configuration, an embargo lifting between two runs) the
 * output of {@code disclose build} with the cache is, file for file and byte for byte, that of a
 * full build with {@code --no-cache}; a corrupt, truncated or foreign cache is set aside with a
 * note and changes nothing; and a build with nothing to do says so and leaves the output alone.
 */
class BuildCacheTest {
  static final Path FIXTURE = Path.of("src/test/resources/sites/basic");
  static final String BEFORE_LIFT = "2026-01-14T12:00:00Z";
  static final String AFTER_LIFT = "2026-01-15T16:30:00Z";

  @TempDir Path temp;
  Path site;

  @BeforeEach
  void site() throws IOException {
    site = temp.resolve("site");
    TestSites.copyTree(FIXTURE, site);
  }

  private CliRun build(String now) {
    CliRun run = CliRun.in(site, "build", "--now", now);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  /**
   * Builds with the cache, then in full into another folder, and asserts the two outputs are the
   * same files with the same bytes; returns the cached build's run.
   */
  private CliRun buildAndCompare(String now) throws IOException {
    CliRun cached = build(now);
    Path fresh = temp.resolve("fresh");
    TestSites.deleteTree(fresh);
    CliRun full = CliRun.in(site, "build", "--no-cache", "--out", fresh.toString(), "--now", now);
    assertThat(full.exitCode()).as(full.err()).isZero();
    assertSameTree(site.resolve("_site"), fresh);
    return cached;
  }

  private static void assertSameTree(Path a, Path b) throws IOException {
    Map<String, byte[]> left = EmbargoDifferentialTest.files(a);
    Map<String, byte[]> right = EmbargoDifferentialTest.files(b);
    assertThat(left.keySet()).isEqualTo(right.keySet());
    for (String path : left.keySet()) {
      assertThat(Arrays.equals(left.get(path), right.get(path)))
          .as("%s differs from a full build's", path)
          .isTrue();
    }
  }

  private Path cacheFile() {
    return site.resolve(".disclose-cache").resolve(BuildCache.FILE);
  }

  private void append(String advisory, String text) throws IOException {
    Path file = site.resolve("advisories/2025/" + advisory + ".md");
    Files.writeString(file, Files.readString(file) + text);
  }

  @Test
  void anEditedAdvisoryIsRenderedAloneAndTheOutputIsAFullBuilds() throws IOException {
    build(BEFORE_LIFT);
    append("FIX-2025-0001", "\nOne more sentence, for the cache.\n");
    CliRun cached = buildAndCompare(BEFORE_LIFT);
    assertThat(cached.out()).containsPattern("\\(\\d+ rendered, the others unchanged\\)");
    // And once more, after reverting: the build before last is the one written into now.
    Path file = site.resolve("advisories/2025/FIX-2025-0001.md");
    Files.writeString(
        file, Files.readString(file).replace("\nOne more sentence, for the cache.\n", ""));
    buildAndCompare(BEFORE_LIFT);
    append("FIX-2025-0002", "\nAnother sentence.\n");
    buildAndCompare(BEFORE_LIFT);
  }

  @Test
  void aDeletedAdvisoryLeavesNothingBehind() throws IOException {
    build(BEFORE_LIFT);
    Files.delete(site.resolve("advisories/2025/FIX-2025-0002.md"));
    buildAndCompare(BEFORE_LIFT);
    assertThat(site.resolve("_site/advisories/FIX-2025-0002")).doesNotExist();
  }

  @Test
  void aThemeAndAConfigurationChangeReachEveryPage() throws IOException {
    build(BEFORE_LIFT);
    TestSites.write(site, "theme/assets/extra.css", "body { outline: 1px solid red; }\n");
    Path config = site.resolve("site-config.yaml");
    Files.writeString(config, Files.readString(config) + "theme: theme\n");
    buildAndCompare(BEFORE_LIFT);
    Files.writeString(
        config,
        Files.readString(config).replace("title: Fixture Advisories", "title: Renamed Advisories"));
    CliRun cached = buildAndCompare(BEFORE_LIFT);
    assertThat(cached.out()).doesNotContain("rendered, the others unchanged");
  }

  @Test
  void anEmbargoThatLiftsBetweenTwoRunsIsPublishedAsByAFullBuild() throws IOException {
    build(BEFORE_LIFT);
    assertThat(Files.readString(cacheFile(), StandardCharsets.ISO_8859_1))
        .doesNotContain("FIX-2025-0003")
        .doesNotContain("EMBARGO-CANARY");
    CliRun after = buildAndCompare(AFTER_LIFT);
    assertThat(after.out()).doesNotContain("nothing changed");
    assertThat(site.resolve("_site/advisories/FIX-2025-0003/index.html")).exists();
  }

  @Test
  void nothingChangedLeavesTheOutputAsItWas() throws IOException {
    build(BEFORE_LIFT);
    Path page = site.resolve("_site/index.html");
    Object inode = Files.readAttributes(page, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    FileTime modified = Files.getLastModifiedTime(page);
    CliRun again = build(BEFORE_LIFT);
    assertThat(again.out())
        .startsWith("nothing changed since the last build of ")
        .contains("kept ");
    assertThat(Files.readAttributes(page, "unix:ino", LinkOption.NOFOLLOW_LINKS)).isEqualTo(inode);
    assertThat(Files.getLastModifiedTime(page)).isEqualTo(modified);
    // Any change to any advisory file, even one that is not public, is a change.
    append("FIX-2025-0003", "\nMore embargoed text.\n");
    assertThat(buildAndCompare(BEFORE_LIFT).out()).doesNotContain("nothing changed");
  }

  @Test
  void aRebuildRecallsNothingAndRemembersItselfForTheNext() throws IOException {
    build(BEFORE_LIFT);
    CliRun rebuilt = CliRun.in(site, "build", "--rebuild", "--now", BEFORE_LIFT);
    assertThat(rebuilt.exitCode()).as(rebuilt.err()).isZero();
    assertThat(rebuilt.out()).startsWith("built ").doesNotContain("rendered, the others");
    append("FIX-2025-0001", "\nOne more sentence.\n");
    // The launcher's training run asks for the same through a system property, whatever the
    // options it was given.
    System.setProperty("disclose.rebuild", "true");
    try {
      assertThat(buildAndCompare(BEFORE_LIFT).out()).doesNotContain("rendered, the others");
      CliRun both = CliRun.in(site, "build", "--rebuild", "--now", BEFORE_LIFT);
      assertThat(both.exitCode()).as(both.err()).isZero();
      assertThat(both.out()).startsWith("built ").doesNotContain("rendered, the others");
      CliRun none = CliRun.in(site, "build", "--no-cache", "--now", BEFORE_LIFT);
      assertThat(none.exitCode()).as(none.err()).isZero();
    } finally {
      System.clearProperty("disclose.rebuild");
    }
    assertThat(build(BEFORE_LIFT).out()).startsWith("nothing changed since the last build of ");
  }

  @Test
  void aRebuildWithNoCacheOrAPreviewIsAUsageError() {
    for (String other : List.of("--no-cache", "--preview")) {
      CliRun run = CliRun.in(site, "build", "--rebuild", other, "--now", BEFORE_LIFT);
      assertThat(run.exitCode()).as(other).isEqualTo(2);
      assertThat(run.err()).startsWith("disclose: --rebuild remembers the build it makes");
    }
  }

  @Test
  void anOutputRestoredHalfwayIsBuiltAgain() throws IOException {
    build(BEFORE_LIFT);
    // Its manifest is there, a page is not, another is cut short: as a failed cache restore leaves
    // it.
    Files.delete(site.resolve("_site/advisories/FIX-2025-0001/index.html"));
    Path other = site.resolve("_site/advisories/FIX-2025-0002/index.html");
    Files.write(other, Arrays.copyOf(Files.readAllBytes(other), 10));
    CliRun again = buildAndCompare(BEFORE_LIFT);
    assertThat(again.out()).doesNotContain("nothing changed");
  }

  @Test
  void anOutputChangedSinceTheCacheIsBuiltInFull() throws IOException {
    build(BEFORE_LIFT);
    // Built without the cache meanwhile: the cache no longer describes the output.
    append("FIX-2025-0001", "\nEdited.\n");
    assertThat(CliRun.in(site, "build", "--no-cache", "--now", BEFORE_LIFT).exitCode()).isZero();
    append("FIX-2025-0002", "\nEdited too.\n");
    CliRun cached = buildAndCompare(BEFORE_LIFT);
    assertThat(cached.out()).doesNotContain("rendered, the others unchanged");
    assertThat(cached.err()).doesNotContain("cache");
  }

  @Test
  void aCorruptOrTruncatedCacheIsSetAsideWithANote() throws IOException {
    build(BEFORE_LIFT);
    byte[] bytes = Files.readAllBytes(cacheFile());
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(cacheFile(), bytes);
    append("FIX-2025-0001", "\nEdited.\n");
    CliRun corrupt = buildAndCompare(BEFORE_LIFT);
    assertThat(corrupt.err())
        .contains("note: the build cache was set aside: it is corrupt or truncated");
    assertThat(corrupt.out()).doesNotContain("rendered, the others unchanged");

    Files.write(cacheFile(), Arrays.copyOf(Files.readAllBytes(cacheFile()), 100));
    CliRun truncated = buildAndCompare(BEFORE_LIFT);
    assertThat(truncated.err()).contains("note: the build cache was set aside:");
    assertThat(truncated.err()).doesNotContain("Exception").doesNotContain("at dev.");

    // The build that set it aside saved a sound one.
    append("FIX-2025-0002", "\nEdited.\n");
    assertThat(buildAndCompare(BEFORE_LIFT).out()).contains("rendered, the others unchanged");
  }

  @Test
  void aCacheOthersMayWriteIsNotTrusted() throws IOException {
    build(BEFORE_LIFT);
    Files.setPosixFilePermissions(cacheFile(), PosixFilePermissions.fromString("rw-rw-rw-"));
    CliRun run = build(BEFORE_LIFT);
    assertThat(run.err()).contains("note: the build cache was set aside: it is not this user's");
    assertThat(run.out()).doesNotContain("nothing changed");
    // A build that recalls nothing of the cache still says so, since it writes into its folder.
    Files.setPosixFilePermissions(cacheFile(), PosixFilePermissions.fromString("rw-rw-rw-"));
    CliRun rebuilt = CliRun.in(site, "build", "--rebuild", "--now", BEFORE_LIFT);
    assertThat(rebuilt.err())
        .contains("note: the build cache was set aside: it is not this user's");
  }

  @Test
  void anotherUsersCacheIsNotTrusted() throws IOException {
    build(BEFORE_LIFT);
    UserPrincipal nobody;
    try {
      nobody = site.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
      Files.setOwner(cacheFile(), nobody);
    } catch (IOException | UnsupportedOperationException e) {
      nobody = null;
    }
    assumeThat(nobody).as("only root can give a file to another user").isNotNull();
    CliRun run = build(BEFORE_LIFT);
    assertThat(run.err()).contains("note: the build cache was set aside: it is not this user's");
  }

  @Test
  void aCacheOfAnotherGeneratorIsSetAside() throws IOException {
    build(BEFORE_LIFT);
    BuildCache.Opened sound =
        BuildCache.read(Files.readAllBytes(cacheFile()), BuildMemory.generator());
    assertThat(sound.remembered()).isPresent();
    assertThat(sound.note()).isEmpty();
    // The public advisories' details as HTML, saved for the next build to find.
    assertThat(sound.remembered().get().values().keySet())
        .contains("Markdown as HTML\0FIX-2025-0001", "Markdown as HTML\0FIX-2025-0002")
        .noneMatch(k -> k.contains("FIX-2025-0003"));
    assertThat(sound.remembered().get().values().get("Markdown as HTML\0FIX-2025-0001").decoded())
        .contains("<p>");
    BuildCache.Opened other = BuildCache.read(Files.readAllBytes(cacheFile()), "9.9.9 elsewhere");
    assertThat(other.remembered()).isEmpty();
    assertThat(other.note())
        .contains("another version of disclose made it (" + BuildMemory.generator() + ")");
  }

  @Test
  void aCacheElsewhereAndNoCacheAreHonoured() throws IOException {
    Path elsewhere = temp.resolve("cache");
    CliRun run = CliRun.in(site, "build", "--cache", elsewhere.toString(), "--now", BEFORE_LIFT);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(elsewhere.resolve(BuildCache.FILE)).exists();
    assertThat(site.resolve(".disclose-cache")).doesNotExist();
    CliRun none = CliRun.in(site, "build", "--no-cache", "--now", BEFORE_LIFT);
    assertThat(none.out()).doesNotContain("nothing changed");
    assertThat(site.resolve(".disclose-cache")).doesNotExist();
  }
}
