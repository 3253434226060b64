package dev.disclose.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.Advisory;
import dev.disclose.check.SiteChecker;
import dev.disclose.config.SiteConfigLoader;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Rule;
import dev.disclose.memo.Memo;
import dev.disclose.pipeline.OutputFormats;
import dev.disclose.releases.Release;
import dev.disclose.serve.PreviewMemo;
import dev.disclose.testing.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load stage with a memo that remembers, as the preview server's rebuilds run it: a file is
 * parsed again only when it changed.
 */
class SiteLoaderMemoTest {
  @TempDir Path site;

  /** A memo as the preview server's: each successful load's values kept for the next. */
  private static PreviewMemo newMemo() {
    return new PreviewMemo(ForkJoinPool.commonPool(), false);
  }

  private SiteRoot root() throws Exception {
    return SiteRoot.open(site, new PathDisplay(site));
  }

  /** One load, as a rebuild makes it, and its advisories by ID. */
  private SiteSources load(PreviewMemo memo) throws Exception {
    SiteSources sources =
        new SiteLoader(memo, OutputFormats.names()).load(LoadRequest.toCheck(root()));
    memo.commit();
    return sources;
  }

  private Map<String, Advisory> read(PreviewMemo memo) throws Exception {
    return load(memo).advisories().stream()
        .collect(Collectors.toMap(Advisory::id, Function.identity()));
  }

  /** The configuration as a load reads it. */
  private SiteConfigLoader.Loaded config(Memo memo) throws Exception {
    return new SiteLoader(memo, OutputFormats.names()).config(root());
  }

  /** The release notes as a load reads them. */
  private List<Release> releases(PreviewMemo memo) throws Exception {
    return load(memo).releaseNotes().releases();
  }

  @Test
  void aFileWhoseBytesAreUnchangedIsNotParsedAgain() throws Exception {
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    PreviewMemo parsed = newMemo();
    Map<String, Advisory> first = read(parsed);
    assertThat(first).containsKeys("FIX-2025-0001", "FIX-2025-0002");

    Map<String, Advisory> second = read(parsed);
    for (String id : first.keySet()) assertThat(second.get(id)).as(id).isSameAs(first.get(id));

    Path edited = first.get("FIX-2025-0001").source().file();
    Files.writeString(
        site.resolve(first.get("FIX-2025-0001").source().relativePath()),
        "\nEdited in the preview.\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    Map<String, Advisory> third = read(parsed);
    assertThat(third.get("FIX-2025-0001")).isNotSameAs(first.get("FIX-2025-0001"));
    assertThat(third.get("FIX-2025-0001").details()).contains("Edited in the preview.");
    assertThat(third.get("FIX-2025-0001").source().file()).isEqualTo(edited);
    assertThat(third.get("FIX-2025-0002")).isSameAs(first.get("FIX-2025-0002"));
  }

  @Test
  void withoutTheCacheEveryReadParsesAgain() throws Exception {
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    Advisory once =
        new SiteLoader(Memo.NONE, OutputFormats.names())
            .load(LoadRequest.toCheck(root()))
            .advisories()
            .get(0);
    Advisory again =
        new SiteLoader(Memo.NONE, OutputFormats.names())
            .load(LoadRequest.toCheck(root()))
            .advisories()
            .get(0);
    assertThat(again).isEqualTo(once).isNotSameAs(once);
  }

  /**
   * The findings of the checks that do not read the clock are kept with the parse, in the
   * configuration they were made in: equal to a validation without the cache, and made again when
   * the configuration changes.
   */
  @Test
  void findingsAreReusedOnlyForTheSameBytesAndConfiguration() throws Exception {
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    PreviewMemo parsed = newMemo();
    Instant now = Instant.parse("2025-12-01T00:00:00Z");
    var first = validate(parsed, now);
    assertThat(first).isEqualTo(validate(null, now));
    assertThat(validate(parsed, now)).isEqualTo(first);

    Path config = site.resolve("site-config.yaml");
    Files.writeString(
        config, Files.readString(config).replace("id_prefix: FIX", "id_prefix: OTHER"));
    var renamed = validate(parsed, now);
    assertThat(renamed).isNotEqualTo(first).isEqualTo(validate(null, now));
    // The clock's checks are never reused: a date in the future is one only until it passes.
    var later = validate(parsed, Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(later)
        .isEqualTo(validate(null, Instant.parse("2020-01-01T00:00:00Z")))
        .isNotEqualTo(renamed);
  }

  /** The findings as a check reads them, with {@code memo} (null: none). */
  private List<Diagnostic> validate(PreviewMemo memo, Instant now) throws Exception {
    Memo used = memo == null ? Memo.NONE : memo;
    List<Diagnostic> found =
        new SiteChecker(used)
            .check(
                new SiteLoader(used, OutputFormats.names()).load(LoadRequest.toCheck(root())), now)
            .diagnostics();
    if (memo != null) memo.commit();
    return found;
  }

  /**
   * The configuration and the release notes are reused as parsed while their bytes are the same:
   * the same instances, so what is made of them is found unchanged by reference. A file edited, and
   * only it, is parsed again, and equals what a site without the cache reads.
   */
  @Test
  void theConfigurationAndReleaseNotesAreParsedAgainOnlyWhenTheirBytesChange() throws Exception {
    TestSites.copyTree(Path.of("src/test/resources/sites/releases"), site);
    PreviewMemo parsed = newMemo();
    SiteConfigLoader.Loaded first = config(parsed);
    List<Release> releases = releases(parsed);
    assertThat(releases)
        .extracting(Release::source)
        .contains("releases/serve/CHANGELOG.md", "releases/vmm/0.5.2.md");

    assertThat(config(parsed)).isSameAs(first);
    List<Release> again = releases(parsed);
    assertThat(again).hasSameSizeAs(releases);
    for (int i = 0; i < releases.size(); i++) assertThat(again.get(i)).isSameAs(releases.get(i));

    Path folderRelease = site.resolve("releases/vmm/0.5.2.md");
    Files.writeString(
        folderRelease,
        "\nEdited in the preview.\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    Path config = site.resolve("site-config.yaml");
    Files.writeString(
        config, Files.readString(config).replace("Release fixture", "Release fixture, edited"));
    SiteConfigLoader.Loaded third = config(parsed);
    assertThat(third).isNotSameAs(first).isEqualTo(config(Memo.NONE));
    assertThat(third.config().title()).isEqualTo("Release fixture, edited");
    List<Release> edited = releases(parsed);
    assertThat(edited).isEqualTo(ReleaseNotesReader.read(site, third.config()).releases());
    for (int i = 0; i < releases.size(); i++) {
      if (releases.get(i).source().equals("releases/vmm/0.5.2.md")) {
        assertThat(edited.get(i)).isNotSameAs(releases.get(i));
        assertThat(edited.get(i).notes()).contains("Edited in the preview.");
      } else {
        assertThat(edited.get(i)).as(releases.get(i).source()).isSameAs(releases.get(i));
      }
    }
  }

  /**
   * A file is compared by its attributes as git's index does, the change time and mode included: an
   * edit of the same size that sets the modification time back is still seen, and so is a change of
   * mode; a file whose attributes are all unchanged keeps its parse.
   */
  @Test
  void anEditThatRestoresTheModificationTimeIsStillSeen() throws Exception {
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
    try (var files = Files.walk(site)) {
      for (Path f : files.filter(Files::isRegularFile).toList())
        Files.setLastModifiedTime(f, hourAgo);
    }
    long racy = FileVersion.racyMillis;
    FileVersion.racyMillis = 0; // the change times are now: trust them at once
    try {
      PreviewMemo parsed = newMemo();
      Map<String, Advisory> first = read(parsed);
      SiteConfigLoader.Loaded opened = config(parsed);
      assertThat(read(parsed).get("FIX-2025-0001")).isSameAs(first.get("FIX-2025-0001"));
      assertThat(config(parsed)).isSameAs(opened);

      Path file = site.resolve(first.get("FIX-2025-0001").source().relativePath());
      Files.writeString(file, Files.readString(file).replace("normalizing", "NORMALIZING"));
      Files.setLastModifiedTime(file, hourAgo);
      Path config = site.resolve("site-config.yaml");
      Files.writeString(config, Files.readString(config).replace("title: ", "title:\t"));
      Files.setLastModifiedTime(config, hourAgo);
      assertThat(read(parsed).get("FIX-2025-0001").details()).contains("NORMALIZING");
      assertThat(config(parsed)).isNotSameAs(opened);
    } finally {
      FileVersion.racyMillis = racy;
    }
  }

  /**
   * The attributes compared: a change of mode alone, or of the change time, tells a file changed.
   */
  @Test
  void stampsCompareTheModeAndTheChangeTime() throws Exception {
    Path file = site.resolve("a.md");
    Files.writeString(file, "text");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
    Map<String, Object> before = FileVersion.attributes(file);
    Assumptions.assumeTrue(before != null, "a POSIX file system");
    FileVersion stamp = FileVersion.of(before, System.currentTimeMillis() + 10_000);
    assertThat(stamp).isNotNull();
    assertThat(stamp.matches(FileVersion.attributes(file))).isTrue();
    assertThat(FileVersion.of(before, System.currentTimeMillis()))
        .as("changed just now: not trusted")
        .isNull();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
    assertThat(stamp.matches(FileVersion.attributes(file))).isFalse();
  }

  /**
   * A file modified shortly before it was read may change again within the same tick of the file
   * system's clock: its attributes are not trusted, its bytes are compared.
   */
  @Test
  void aFileModifiedJustBeforeItWasReadIsReadAgain() throws Exception {
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    PreviewMemo parsed = newMemo();
    Map<String, Advisory> first = read(parsed);
    Path file = site.resolve(first.get("FIX-2025-0001").source().relativePath());
    FileTime modified = Files.getLastModifiedTime(file);
    Files.writeString(file, Files.readString(file).replace("normalizing", "NORMALIZING"));
    Files.setLastModifiedTime(file, modified);
    assertThat(read(parsed).get("FIX-2025-0001").details()).contains("NORMALIZING");
  }

  /**
   * The IDs release notes name are remembered with the notes' text, for the site's ID prefix:
   * another prefix finds them again in the same, unchanged notes.
   */
  @Test
  void theIdsReleaseNotesNameFollowTheIdPrefix() throws Exception {
    TestSites.copyTree(Path.of("src/test/resources/sites/releases"), site);
    Path changelog = site.resolve("releases/serve/CHANGELOG.md");
    Files.writeString(
        changelog,
        Files.readString(changelog)
            .replace(
                "- Timing-safe token comparison.",
                "- Timing-safe token comparison (OTHER-2025-0042)."));
    PreviewMemo parsed = newMemo();
    Instant now = Instant.parse("2025-12-01T00:00:00Z");
    assertThat(validate(parsed, now)).noneMatch(d -> d.message().contains("OTHER-2025-0042"));

    Path config = site.resolve("site-config.yaml");
    Files.writeString(
        config, Files.readString(config).replace("id_prefix: REL", "id_prefix: OTHER"));
    assertThat(validate(parsed, now))
        .anyMatch(
            d ->
                d.rule() == Rule.RELEASE_UNKNOWN_ADVISORY
                    && d.message().contains("OTHER-2025-0042"));
    assertThat(validate(parsed, now)).isEqualTo(validate(null, now));
  }
}
