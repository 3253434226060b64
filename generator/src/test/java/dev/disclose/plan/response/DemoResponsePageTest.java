package dev.disclose.plan.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.Golden;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's Response page as a golden file: its policy in working days in Berlin, with the city's
 * holidays, measured on the demo's timelines (one assessment spans a weekend and a holiday).
 */
class DemoResponsePageTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/demo/response_index.html");

  @TempDir Path temp;

  @Test
  void theDemosResponsePageMatchesItsGoldenFile() throws Exception {
    Path out = temp.resolve("site");
    CliRun run =
        CliRun.in(Path.of(".."), "build", "--out", out.toString(), "--now", "2026-11-23T00:00:00Z");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String page = Files.readString(out.resolve("response/index.html"), StandardCharsets.UTF_8);
    assertThat(page).contains("Assessment (working days)");
    Golden.assertMatches(GOLDEN, page);
  }
}
