package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Status;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.testing.CliRun;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's embargoed and draft advisories leave no trace in any file of the built site: pages,
 * feeds, exports, zips and gzip files, the search index, and the theme's own assets (a real alias
 * once sat in a comment of search.js).
 */
class DemoLeakTest {
  @TempDir Path temp;

  @Test
  void noFileOfTheSiteNamesAnUnpublishedAdvisory() throws Exception {
    Path root = Path.of("..");
    Instant now = Instant.parse("2026-11-23T00:00:00Z");
    List<String> secrets = new ArrayList<>();
    for (Advisory a :
        Pipeline.oneOff()
            .load(LoadRequest.toCheck(SiteRoot.open(root, new PathDisplay(root))))
            .requireAdvisories()) {
      if (a.status() == Status.DRAFT
          || (a.status() == Status.EMBARGOED
              && a.embargo().map(e -> e.instant().isAfter(now)).orElse(true))) {
        secrets.add(a.id());
        secrets.add(a.title());
        secrets.addAll(a.aliases());
      }
    }
    assertThat(secrets).hasSizeGreaterThanOrEqualTo(4);
    Path out = temp.resolve("site");
    CliRun run =
        CliRun.in(root, "build", "--no-cache", "--out", out.toString(), "--now", now.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> leaks = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        List<String> texts = new ArrayList<>();
        if (f.toString().endsWith(".zip")) {
          try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; )
              texts.add(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
          }
        } else if (f.toString().endsWith(".gz")) {
          try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            texts.add(new String(gz.readAllBytes(), StandardCharsets.UTF_8));
          }
        } else {
          texts.add(new String(bytes, StandardCharsets.UTF_8));
        }
        for (String text : texts) {
          for (String secret : secrets)
            if (text.contains(secret)) leaks.add(out.relativize(f) + ": " + secret);
        }
      }
    }
    assertThat(leaks).isEmpty();
  }
}
