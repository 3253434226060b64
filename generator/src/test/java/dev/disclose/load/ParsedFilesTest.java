package dev.disclose.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.Advisory;
import dev.disclose.testing.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParsedFilesTest {
  @TempDir Path site;

  private Map<String, Advisory> read(ParsedFiles parsed) throws Exception {
    AdvisoryFiles files = SiteRoot.open(site, new PathDisplay(site), parsed).files();
    return files.read(files.discover(new ArrayList<>())).advisories().stream()
        .collect(Collectors.toMap(Advisory::id, Function.identity()));
  }

  @Test
  void aFileWhoseBytesAreUnchangedIsNotParsedAgain() throws Exception {
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    ParsedFiles parsed = new ParsedFiles();
    Map<String, Advisory> first = read(parsed);
    assertThat(first).containsKeys("FIX-2025-0001", "FIX-2025-0002");

    Map<String, Advisory> second = read(parsed);
    for (String id : first.keySet()) assertThat(second.get(id)).as(id).isSameAs(first.get(id));

    Path edited = first.get("FIX-2025-0001").source().file();
    Files.writeString(site.resolve(first.get("FIX-2025-0001").source().relativePath()), "\nEdited in the preview.\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    Map<String, Advisory> third = read(parsed);
    assertThat(third.get("FIX-2025-0001")).isNotSameAs(first.get("FIX-2025-0001"));
    assertThat(third.get("FIX-2025-0001").details()).contains("Edited in the preview.");
    assertThat(third.get("FIX-2025-0001").source().file()).isEqualTo(edited);
    assertThat(third.get("FIX-2025-0002")).isSameAs(first.get("FIX-2025-0002"));
  }

  @Test
  void withoutTheCacheEveryReadParsesAgain() throws Exception {
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    AdvisoryFiles files = SiteRoot.open(site, new PathDisplay(site)).files();
    List<Path> paths = files.discover(new ArrayList<>());
    Advisory once = files.read(paths).advisories().get(0);
    Advisory again = files.read(paths).advisories().get(0);
    assertThat(again).isEqualTo(once).isNotSameAs(once);
  }

  /**
   * The findings of the checks that do not read the clock are kept with the parse, in the
   * configuration they were made in: equal to a validation without the cache, and made again
   * when the configuration changes.
   */
  @Test
  void findingsAreReusedOnlyForTheSameBytesAndConfiguration() throws Exception {
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    ParsedFiles parsed = new ParsedFiles();
    java.time.Instant now = java.time.Instant.parse("2025-12-01T00:00:00Z");
    var first = validate(parsed, now);
    assertThat(first).isEqualTo(validate(null, now));
    assertThat(validate(parsed, now)).isEqualTo(first);

    Path config = site.resolve("site-config.yaml");
    Files.writeString(config, Files.readString(config).replace("id_prefix: FIX", "id_prefix: OTHER"));
    var renamed = validate(parsed, now);
    assertThat(renamed).isNotEqualTo(first).isEqualTo(validate(null, now));
    // The clock's checks are never reused: a date in the future is one only until it passes.
    var later = validate(parsed, java.time.Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(later).isEqualTo(validate(null, java.time.Instant.parse("2020-01-01T00:00:00Z"))).isNotEqualTo(renamed);
  }

  private List<dev.disclose.diagnostic.Diagnostic> validate(ParsedFiles parsed, java.time.Instant now) throws Exception {
    SiteRoot opened = SiteRoot.open(site, new PathDisplay(site), parsed);
    return dev.disclose.check.SiteValidator.validate(opened, now, List.of()).diagnostics();
  }

  /**
   * The configuration and the release notes are reused as parsed while their bytes are the
   * same: the same instances, so what is made of them is found unchanged by reference. A file
   * edited, and only it, is parsed again, and equals what a site without the cache reads.
   */
  @Test
  void theConfigurationAndReleaseNotesAreParsedAgainOnlyWhenTheirBytesChange() throws Exception {
    TestSites.copyTree(Path.of("src/test/resources/sites/releases"), site);
    ParsedFiles parsed = new ParsedFiles();
    SiteRoot first = SiteRoot.open(site, new PathDisplay(site), parsed);
    List<dev.disclose.releases.Release> releases = dev.disclose.releases.ReleaseNotesReader.read(first);
    assertThat(releases).extracting(dev.disclose.releases.Release::source)
        .contains("releases/serve/CHANGELOG.md", "releases/vmm/0.5.2.md");

    SiteRoot second = SiteRoot.open(site, new PathDisplay(site), parsed);
    assertThat(second.config()).isSameAs(first.config());
    List<dev.disclose.releases.Release> again = dev.disclose.releases.ReleaseNotesReader.read(second);
    assertThat(again).hasSameSizeAs(releases);
    for (int i = 0; i < releases.size(); i++) assertThat(again.get(i)).isSameAs(releases.get(i));

    Path folderRelease = site.resolve("releases/vmm/0.5.2.md");
    Files.writeString(folderRelease, "\nEdited in the preview.\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    Path config = site.resolve("site-config.yaml");
    Files.writeString(config, Files.readString(config).replace("Release fixture", "Release fixture, edited"));
    SiteRoot third = SiteRoot.open(site, new PathDisplay(site), parsed);
    assertThat(third.config()).isNotSameAs(first.config()).isEqualTo(SiteRoot.open(site, new PathDisplay(site)).config());
    assertThat(third.config().config().title()).isEqualTo("Release fixture, edited");
    List<dev.disclose.releases.Release> edited = dev.disclose.releases.ReleaseNotesReader.read(third);
    assertThat(edited).isEqualTo(dev.disclose.releases.ReleaseNotesReader.read(site, third.config().config()));
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
   * A file is compared by its attributes as git's index does, the change time and mode
   * included: an edit of the same size that sets the modification time back is still seen, and
   * so is a change of mode; a file whose attributes are all unchanged keeps its parse.
   */
  @Test
  void anEditThatRestoresTheModificationTimeIsStillSeen() throws Exception {
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
    try (var files = Files.walk(site)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) Files.setLastModifiedTime(f, hourAgo);
    }
    long racy = ParsedFiles.racyMillis;
    ParsedFiles.racyMillis = 0; // the change times are now: trust them at once
    try {
      ParsedFiles parsed = new ParsedFiles();
      Map<String, Advisory> first = read(parsed);
      SiteRoot opened = SiteRoot.open(site, new PathDisplay(site), parsed);
      assertThat(read(parsed).get("FIX-2025-0001")).isSameAs(first.get("FIX-2025-0001"));
      assertThat(SiteRoot.open(site, new PathDisplay(site), parsed).config()).isSameAs(opened.config());

      Path file = site.resolve(first.get("FIX-2025-0001").source().relativePath());
      Files.writeString(file, Files.readString(file).replace("normalizing", "NORMALIZING"));
      Files.setLastModifiedTime(file, hourAgo);
      Path config = site.resolve("site-config.yaml");
      Files.writeString(config, Files.readString(config).replace("title: ", "title:\t"));
      Files.setLastModifiedTime(config, hourAgo);
      assertThat(read(parsed).get("FIX-2025-0001").details()).contains("NORMALIZING");
      assertThat(SiteRoot.open(site, new PathDisplay(site), parsed).config()).isNotSameAs(opened.config());
    } finally {
      ParsedFiles.racyMillis = racy;
    }
  }

  /** The attributes compared: a change of mode alone, or of the change time, tells a file changed. */
  @Test
  void stampsCompareTheModeAndTheChangeTime() throws Exception {
    Path file = site.resolve("a.md");
    Files.writeString(file, "text");
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
    Map<String, Object> before = ParsedFiles.Stamp.read(file);
    org.junit.jupiter.api.Assumptions.assumeTrue(before != null, "a POSIX file system");
    ParsedFiles.Stamp stamp = ParsedFiles.Stamp.of(before, System.currentTimeMillis() + 10_000);
    assertThat(stamp).isNotNull();
    assertThat(stamp.matches(ParsedFiles.Stamp.read(file))).isTrue();
    assertThat(ParsedFiles.Stamp.of(before, System.currentTimeMillis())).as("changed just now: not trusted").isNull();
    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--------"));
    assertThat(stamp.matches(ParsedFiles.Stamp.read(file))).isFalse();
  }

  /**
   * A file modified shortly before it was read may change again within the same tick of the
   * file system's clock: its attributes are not trusted, its bytes are compared.
   */
  @Test
  void aFileModifiedJustBeforeItWasReadIsReadAgain() throws Exception {
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    ParsedFiles parsed = new ParsedFiles();
    Map<String, Advisory> first = read(parsed);
    Path file = site.resolve(first.get("FIX-2025-0001").source().relativePath());
    java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(file);
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
    Files.writeString(changelog, Files.readString(changelog).replace("- Timing-safe token comparison.",
        "- Timing-safe token comparison (OTHER-2025-0042)."));
    ParsedFiles parsed = new ParsedFiles();
    java.time.Instant now = java.time.Instant.parse("2025-12-01T00:00:00Z");
    assertThat(validate(parsed, now)).noneMatch(d -> d.message().contains("OTHER-2025-0042"));

    Path config = site.resolve("site-config.yaml");
    Files.writeString(config, Files.readString(config).replace("id_prefix: REL", "id_prefix: OTHER"));
    assertThat(validate(parsed, now)).anyMatch(d -> d.rule() == dev.disclose.diagnostic.Rule.RELEASE_UNKNOWN_ADVISORY
        && d.message().contains("OTHER-2025-0042"));
    assertThat(validate(parsed, now)).isEqualTo(validate(null, now));
  }
}
