package dev.disclose.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Status;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.testing.CliRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** This repository's own site: the demo content must validate cleanly and cover the format. */
class DemoSiteTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void repositoryValidatesWithoutFindings() {
    CliRun run = CliRun.in(ROOT, "validate", "--strict");
    // The demo's prefix is not registered with OSV, and validate says how to change that.
    assertThat(run.err()).startsWith("note: OSV records are exported as x_DEMO-…").hasLineCount(1);
    assertThat(run.out()).matches("(?s)checked \\d+ files: no problems\n");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void demoCoversWhatTheFormatPromises() throws Exception {
    SiteRoot site = SiteRoot.open(ROOT, new PathDisplay(ROOT));
    CheckedSite report =
        Pipeline.oneOff().check(LoadRequest.toCheck(site), Instant.parse("2026-11-22T00:00:00Z"));
    List<Advisory> all = report.advisories();
    assertThat(all).hasSizeGreaterThanOrEqualTo(12);
    assertThat(all.stream().flatMap(a -> a.affected().stream()).map(p -> p.ecosystem()).distinct())
        .contains("PyPI", "npm", "Go", "crates.io", "Maven");
    assertThat(all).filteredOn(a -> a.status() == Status.EMBARGOED).hasSize(1);
    assertThat(all).anyMatch(a -> a.status() == Status.WITHDRAWN && a.withdrawn().isPresent());
    assertThat(all).anyMatch(a -> a.informational().isPresent());
    assertThat(all).anyMatch(a -> a.severity().cvssV4().isPresent());
    assertThat(all).anyMatch(a -> a.affected().stream().anyMatch(p -> p.ranges().size() > 1));
  }
}
