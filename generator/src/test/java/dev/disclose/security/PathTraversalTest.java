package dev.disclose.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import dev.disclose.urls.SitePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names from pull requests that become paths cannot climb out of the output. */
class PathTraversalTest {
  static final List<String> HOSTILE =
      List.of(
          "..",
          ".",
          "../../etc/passwd",
          "/etc/passwd",
          "a/../../b",
          "..\\..\\windows",
          "C:\\x",
          "%2e%2e%2f",
          ".hidden",
          "a\u0000b",
          "con",
          "",
          "~root",
          "a?b#c",
          "a b");

  @Test
  void everySegmentIsOneHarmlessFolderName() {
    for (String s : HOSTILE) {
      String segment = SitePaths.segment(s);
      assertThat(segment)
          .as(s)
          .doesNotContain("/", "\\", "\u0000", "?", "#", " ", ":")
          .isNotEqualTo("..")
          .isNotEqualTo(".")
          .isNotEmpty()
          .doesNotStartWith(".");
      Path root = Path.of("/site/out");
      Path resolved = root.resolve(segment).normalize();
      assertThat(resolved.startsWith(root) && !resolved.equals(root))
          .as(s + " → " + resolved)
          .isTrue();
    }
    // Package names split on / and : into segments, each made harmless.
    for (String s : HOSTILE) {
      String path = SitePaths.packagePage("npm", s);
      assertThat(
              Path.of("/site/out")
                  .resolve(path)
                  .normalize()
                  .startsWith(Path.of("/site/out/packages/npm")))
          .as(s)
          .isTrue();
      assertThat(
              Path.of("/site/out")
                  .resolve(SitePaths.release("PyPI", "pkg", s))
                  .normalize()
                  .startsWith(Path.of("/site/out/releases/PyPI/pkg")))
          .as(s)
          .isTrue();
    }
  }

  @TempDir Path temp;

  @Test
  void anAdvisoryWithATraversalIdIsRefusedAndNothingIsWritten() throws Exception {
    Path site = temp.resolve("site");
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    String text = Files.readString(site.resolve("advisories/2025/FIX-2025-0002.md"));
    Files.writeString(
        site.resolve("advisories/2025/FIX-2025-0002.md"),
        text.replace("id: FIX-2025-0002", "id: ../../../../tmp/pwned")
            .replace("package: \"@example/proxy\"", "package: ../../../evil"));
    CliRun run = CliRun.in(site, "build", "--now", "2025-12-01T00:00:00Z");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("error[I001]", "error[P002]");
    assertThat(site.resolve("_site")).doesNotExist();
    assertThat(Path.of("/tmp/pwned")).doesNotExist();
  }
}
