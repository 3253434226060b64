package dev.disclose.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file the build reads from the site's theme goes through the rule advisories go through: a
 * link leading outside the site root, or a special file, is F008, and the build publishes nothing.
 */
class ThemeFilesTest {
  static final Path BASIC = Path.of("src/test/resources/sites/basic");
  static final String CANARY = "THEME-CANARY-TOKEN-7f3a";

  @TempDir Path temp;

  private Path site() throws IOException {
    Path site = temp.resolve("site");
    TestSites.copyTree(BASIC, site);
    Files.writeString(
        site.resolve("site-config.yaml"),
        Files.readString(site.resolve("site-config.yaml")) + "\ntheme: theme\n");
    Files.createDirectories(site.resolve("theme/assets"));
    Files.createDirectories(site.resolve("theme/templates"));
    Files.writeString(site.resolve("theme/assets/ok.css"), "body{}\n");
    return site;
  }

  private Path canary() throws IOException {
    Path secret = temp.resolve("outside/env.txt");
    Files.createDirectories(secret.getParent());
    Files.writeString(secret, CANARY + "\n");
    return secret;
  }

  private void assertRefusedWithoutCanary(Path site, String shown) throws IOException {
    CliRun validate = CliRun.in(site, "validate");
    assertThat(validate.exitCode()).as(validate.out() + validate.err()).isEqualTo(1);
    assertThat(validate.out()).contains(shown + ":1:1: error[F008]");
    assertThat(validate.out() + validate.err()).doesNotContain(CANARY).doesNotContain("Exception");
    CliRun build = CliRun.in(site, "build", "--now", "2025-12-01T00:00:00Z");
    assertThat(build.exitCode()).as(build.out() + build.err()).isEqualTo(1);
    assertThat(build.out()).contains("error[F008]");
    assertThat(build.out() + build.err()).doesNotContain(CANARY);
    assertThat(site.resolve("_site")).doesNotExist();
    try (Stream<Path> all = Files.walk(site)) {
      for (Path p : all.filter(p -> Files.isRegularFile(p) && !Files.isSymbolicLink(p)).toList())
        assertThat(Files.readString(p, StandardCharsets.ISO_8859_1))
            .as(p.toString())
            .doesNotContain(CANARY);
    }
  }

  @Test
  void anAssetLinkedToAFileOutsideTheSiteIsF008AndNotPublished() throws IOException {
    Path site = site();
    Files.createSymbolicLink(site.resolve("theme/assets/env.js"), canary());
    assertRefusedWithoutCanary(site, "theme/assets/env.js");
  }

  @Test
  void aTemplateLinkedToAFileOutsideTheSiteIsF008AndNotPublished() throws IOException {
    Path site = site();
    Files.createSymbolicLink(site.resolve("theme/templates/404.peb"), canary());
    assertRefusedWithoutCanary(site, "theme/templates/404.peb");
  }

  @Test
  void aThemeFolderLinkedOutsideTheSiteIsF008() throws IOException {
    Path site = site();
    Path secret = canary();
    Files.createSymbolicLink(site.resolve("theme/assets/js"), secret.getParent());
    assertRefusedWithoutCanary(site, "theme/assets/js");
  }

  @Test
  void aFifoInTheThemeIsF008AndNothingWaitsOnIt() throws Exception {
    Path site = site();
    Path fifo = site.resolve("theme/assets/pipe.js");
    Process mkfifo = new ProcessBuilder(List.of("mkfifo", fifo.toString())).start();
    assertThat(mkfifo.waitFor()).isZero();
    CliRun validate = CliRun.in(site, "validate");
    assertThat(validate.exitCode()).as(validate.out() + validate.err()).isEqualTo(1);
    assertThat(validate.out())
        .contains("theme/assets/pipe.js:1:1: error[F008]")
        .contains("special file");
    CliRun build = CliRun.in(site, "build", "--now", "2025-12-01T00:00:00Z");
    assertThat(build.exitCode()).isEqualTo(1);
    assertThat(site.resolve("_site")).doesNotExist();
  }

  @Test
  void aLinkInsideTheSiteStaysAllowed() throws IOException {
    Path site = site();
    Files.writeString(site.resolve("shared.css"), "a{}\n");
    Files.createSymbolicLink(site.resolve("theme/assets/shared.css"), Path.of("../../shared.css"));
    CliRun build = CliRun.in(site, "build", "--now", "2025-12-01T00:00:00Z");
    assertThat(build.exitCode()).as(build.out() + build.err()).isZero();
    assertThat(site.resolve("_site/assets/shared.css")).hasContent("a{}");
  }
}
