package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose-build.json}: the same bytes for the same input and moment, a {@code content}
 * digest anyone can recompute with sha256sum, and {@code sources} that changes exactly when an
 * input changes or time lifts an embargo, never naming one before.
 */
class BuildManifestTest {
  /** The fixture's embargo, moved into the renewal window of the builds below. */
  static final String LIFTS = "2025-12-03T16:00:00Z";

  @TempDir Path temp;
  Path site;

  @BeforeEach
  void copyFixture() throws IOException {
    site = temp.resolve("site");
    TestSites.copyTree(SiteBuildTest.FIXTURE, site);
    edit("advisories/2025/FIX-2025-0003.md", "embargo: 2026-01-15T16:00:00Z", "embargo: " + LIFTS);
  }

  private void edit(String file, String from, String to) throws IOException {
    Path p = site.resolve(file);
    String text = Files.readString(p);
    assertThat(text).contains(from);
    Files.writeString(p, text.replace(from, to));
  }

  /** Builds at {@code now} into {@code out}; the manifest's bytes. */
  private byte[] build(String now, String out) throws IOException {
    CliRun run = CliRun.in(site, "build", "--now", now, "--out", out);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return Files.readAllBytes(site.resolve(out).resolve(BuildManifest.FILE));
  }

  @Test
  void theSameInputAndMomentGiveTheSameBytesWhichDescribeTheOutput() throws Exception {
    byte[] one = build("2025-12-01T00:00:00Z", "one");
    assertThat(build("2025-12-01T00:00:00Z", "two")).isEqualTo(one);
    String json = new String(one, StandardCharsets.UTF_8);
    assertThat(json)
        .matches(
            "\\{\n"
                + "  \"generator\": \"[^\"]+\",\n"
                + "  \"sources\": \"[0-9a-f]{64}\",\n"
                + "  \"content\": \"[0-9a-f]{64}\",\n"
                + "  \"next_change\": \"2025-12-08T00:00:00Z\"\n"
                + "}\n");
    BuildManifest manifest = BuildManifest.parse(one);
    assertThat(manifest.generator()).isEqualTo(GeneratorVersion.current());
    // security.txt is renewed at the start of the next 90-day window, and expires half a year on.
    assertThat(manifest.nextChange()).contains(Instant.parse("2025-12-08T00:00:00Z"));
    assertThat(Files.readString(site.resolve("one/.well-known/security.txt")))
        .contains("Expires: 2026-06-06T00:00:00Z\n");
    assertThat(manifest.content()).isEqualTo(sha256sumOfSha256sum(site.resolve("one")));
    // The embargo, not lifted yet, is nowhere in the public file.
    assertThat(json).doesNotContain("FIX-2025-0003").doesNotContain("2025-12-03");
  }

  @Test
  void onlyASourceChangeOrALiftedEmbargoChangesTheManifest() throws Exception {
    BuildManifest first = BuildManifest.parse(build("2025-12-01T00:00:00Z", "a"));
    // Time passing changes nothing until something is due: days later, just before the lift.
    assertThat(BuildManifest.parse(build("2025-12-03T15:59:59Z", "b"))).isEqualTo(first);

    BuildManifest lifted = BuildManifest.parse(build(LIFTS, "c"));
    assertThat(lifted.sources()).isNotEqualTo(first.sources());
    assertThat(lifted.content()).isNotEqualTo(first.content());
    assertThat(lifted.nextChange()).isEqualTo(first.nextChange());
    assertThat(site.resolve("c/advisories/FIX-2025-0003/index.html")).exists();

    // A file no build reads is no source.
    TestSites.write(site, "NOTES.txt", "not part of the site\n");
    assertThat(BuildManifest.parse(build(LIFTS, "d"))).isEqualTo(lifted);

    // The policy page the configuration names is an input, and a public advisory is.
    edit("docs/policy.md", "# ", "# Our ");
    BuildManifest policy = BuildManifest.parse(build(LIFTS, "e"));
    assertThat(policy.sources()).isNotEqualTo(lifted.sources());
    edit("advisories/2025/FIX-2025-0001.md", "\n---\n", "\n---\nOne more sentence.\n\n");
    BuildManifest edited = BuildManifest.parse(build(LIFTS, "f"));
    assertThat(edited.sources()).isNotEqualTo(policy.sources());
    assertThat(edited.content()).isNotEqualTo(policy.content());
    // A draft is in no output, so not in the manifest either: editing it changes nothing.
    edit("advisories/2025/FIX-2025-0004.md", "status: draft", "status: draft # still");
    assertThat(BuildManifest.parse(build(LIFTS, "g"))).isEqualTo(edited);
  }

  @Test
  void anEmbargoedAdvisoryEditedOrAddedChangesNothingBeforeItLifts() throws Exception {
    byte[] before = build("2025-12-01T00:00:00Z", "a");
    edit("advisories/2025/FIX-2025-0003.md", "title: ", "title: Revised ");
    TestSites.write(
        site,
        "advisories/2025/FIX-2025-0009.md",
        TestSites.validAdvisory("FIX-2025-0009")
            .replace("published: 2025-03-04", "status: embargoed\nembargo: 2026-06-01T00:00:00Z"));
    assertThat(build("2025-12-01T00:00:00Z", "b")).isEqualTo(before);
  }

  @Test
  void previewsWriteNoManifest() throws IOException {
    assertThat(CliRun.in(site, "build", "--preview").exitCode()).isZero();
    assertThat(site.resolve("_preview").resolve(BuildManifest.FILE)).doesNotExist();
  }

  @Test
  void parsingRefusesWhatIsNoManifest() {
    for (String bad :
        List.of(
            "",
            "[]",
            "{\"generator\": \"x\"}",
            "{\"generator\": \"x\", \"sources\": \"abc\", \"content\": \"abc\"}",
            "{\"generator\": \"x\", \"sources\": \""
                + "0".repeat(64)
                + "\", \"content\": \""
                + "0".repeat(64)
                + "\", \"next_change\": \"tomorrow\"}")) {
      assertThatThrownBy(() -> BuildManifest.parse(bad.getBytes(StandardCharsets.UTF_8)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    BuildManifest none =
        new BuildManifest("1.0.0", "a".repeat(64), "b".repeat(64), Optional.empty());
    assertThat(new String(none.json(), StandardCharsets.UTF_8)).contains("\"next_change\": null");
    assertThat(BuildManifest.parse(none.json())).isEqualTo(none);
  }

  /**
   * What {@code find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum} prints, without the
   * manifest and the output marker.
   */
  static String sha256sumOfSha256sum(Path out) throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(out)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().equals(BuildManifest.FILE))
              .filter(p -> !p.getFileName().toString().equals(AtomicPublisher.MARKER))
              .sorted((a, b) -> rel(out, a).compareTo(rel(out, b)))
              .toList();
    }
    StringBuilder listing = new StringBuilder();
    HexFormat hex = HexFormat.of();
    for (Path f : files) {
      listing
          .append(hex.formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))))
          .append("  ")
          .append(rel(out, f))
          .append('\n');
    }
    return hex.formatHex(
        MessageDigest.getInstance("SHA-256")
            .digest(listing.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static String rel(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }
}
