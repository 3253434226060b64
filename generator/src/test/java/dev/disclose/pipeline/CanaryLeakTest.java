package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embargoed and a draft advisory whose every free field holds a canary (title, details, aliases,
 * related, upstream, keywords, package names, functions, references, credits, database- and
 * ecosystem-specific values): no byte of a build's output holds one, inside zips and gzip files
 * included, until the embargo lifts; the draft's never.
 */
class CanaryLeakTest {
  static final List<String> EMBARGOED =
      List.of(
          "embcanar",
          "2099-424201",
          "2099-424202",
          "2099-424203",
          "x2m2-3c3c",
          "can-2025-0002",
          "can20250002");
  static final List<String> DRAFT =
      List.of(
          "drfcanar",
          "2099-434301",
          "2099-434302",
          "2099-434303",
          "x2r2-3c3c",
          "can-2025-0003",
          "can20250003");

  @TempDir Path temp;

  /**
   * Every canary found in the output, as "file: canary"; searched without case (the search index
   * lower-cases and stems).
   */
  static List<String> found(Path out, List<String> canaries) throws Exception {
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        List<String> texts = new ArrayList<>();
        byte[] bytes = Files.readAllBytes(f);
        texts.add(new String(bytes, StandardCharsets.UTF_8));
        if (f.toString().endsWith(".zip")) {
          try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; )
              texts.add(e.getName() + new String(zip.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
        if (f.toString().endsWith(".gz")) {
          try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            texts.add(new String(gz.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
        String path = out.relativize(f).toString().toLowerCase(Locale.ROOT);
        for (String canary : canaries) {
          if (path.contains(canary)) hits.add(out.relativize(f) + " (its name): " + canary);
          for (String text : texts) {
            if (text.toLowerCase(Locale.ROOT).contains(canary)) {
              hits.add(out.relativize(f) + ": " + canary);
              break;
            }
          }
        }
      }
    }
    return hits;
  }

  @Test
  void noCanaryInAnyByteOfTheOutputUntilTheEmbargoLifts() throws Exception {
    Path site = temp.resolve("site");
    TestSites.copyTree(Path.of("src/test/resources/sites/canary"), site);
    List<String> all = new ArrayList<>(EMBARGOED);
    all.addAll(DRAFT);

    CliRun before = CliRun.in(site, "build", "--now", "2029-12-31T23:59:59Z");
    assertThat(before.exitCode()).as(before.err()).isZero();
    assertThat(before.out()).startsWith("built 1 advisories");
    assertThat(found(site.resolve("_site"), all)).isEmpty();
    for (String format : List.of("osv", "go", "rustsec", "cyclonedx", "csaf")) {
      CliRun export =
          CliRun.in(
              site, "export", format, "--out", "export-" + format, "--now", "2029-12-31T23:59:59Z");
      assertThat(export.exitCode()).isZero();
      assertThat(found(site.resolve("export-" + format), all)).as(format).isEmpty();
    }

    // One second later the embargo lifts, with no edit: the embargoed canaries appear where they
    // belong.
    CliRun after = CliRun.in(site, "build", "--now", "2030-01-01T00:00:00Z");
    assertThat(after.out()).startsWith("built 2 advisories");
    List<String> lifted = found(site.resolve("_site"), EMBARGOED);
    assertThat(lifted)
        .anyMatch(h -> h.startsWith("advisories/CAN-2025-0002/index.html"))
        .anyMatch(h -> h.startsWith("osv/x_CAN-2025-0002.json"))
        .anyMatch(h -> h.startsWith("go/ID/x_CAN-2025-0002.json.gz"))
        .anyMatch(h -> h.startsWith("feed.xml"))
        .anyMatch(h -> h.startsWith("search-index/"))
        .anyMatch(h -> h.startsWith("cyclonedx/vex.json"))
        .anyMatch(h -> h.startsWith("rustsec/CAN-2025-0002/crates/embcanary-crate/"));
    assertThat(found(site.resolve("_site"), DRAFT)).isEmpty();
    CliRun csaf =
        CliRun.in(site, "export", "csaf", "--out", "lifted-csaf", "--now", "2030-01-01T00:00:00Z");
    assertThat(csaf.exitCode()).isZero();
    assertThat(found(site.resolve("lifted-csaf"), EMBARGOED))
        .anyMatch(h -> h.startsWith("white/2030/can-2025-0002.json"));
    assertThat(found(site.resolve("lifted-csaf"), DRAFT)).isEmpty();
  }
}
