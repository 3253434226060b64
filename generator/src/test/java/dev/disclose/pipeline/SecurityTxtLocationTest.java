package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.discovery.SecurityTxtFormat;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 9116 clients look for security.txt at the host's root only: a site under a path says so once
 * on standard error, as a note that fails nothing, and writes a file that is canonical there too.
 * The file changes at the start of each renewal window, not with every build.
 */
class SecurityTxtLocationTest {
  @TempDir Path temp;
  Path site;

  @BeforeEach
  void copyFixture() throws IOException {
    site = temp.resolve("site");
    TestSites.copyTree(SiteBuildTest.FIXTURE, site);
  }

  private CliRun build(String... extra) {
    String[] args = new String[extra.length + 3];
    args[0] = "build";
    args[1] = "--now";
    args[2] = SiteBuildTest.BEFORE_EMBARGO;
    System.arraycopy(extra, 0, args, 3, extra.length);
    CliRun run = CliRun.in(site, args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  @Test
  void aGitHubPagesProjectSiteIsToldWhereTheFileBelongs() throws IOException {
    CliRun run = build("--base-url", "https://acme.github.io/widget/");
    assertThat(run.err())
        .isEqualTo(
            "note: `/.well-known/security.txt` belongs at the host's root"
                + " (https://acme.github.io/.well-known/security.txt); copy"
                + " _site/.well-known/security.txt there (for GitHub Pages, into the"
                + " acme.github.io repository)\n");
    assertThat(Files.readString(site.resolve("_site/.well-known/security.txt")))
        .contains(
            "Canonical: https://acme.github.io/.well-known/security.txt\n"
                + "Canonical: https://acme.github.io/widget/.well-known/security.txt\n");
  }

  @Test
  void aSiteAtTheHostsRootOrWithoutSecurityTxtIsToldNothing() throws IOException {
    CliRun root = build("--base-url", "https://security.example.org/");
    assertThat(root.err()).isEmpty();
    assertThat(Files.readString(site.resolve("_site/.well-known/security.txt")))
        .containsOnlyOnce("Canonical: ")
        .contains("Canonical: https://security.example.org/.well-known/security.txt\n");

    assertThat(CliRun.in(site, "build", "--preview").err()).isEmpty();

    Path config = site.resolve("site-config.yaml");
    Files.writeString(config, Files.readString(config) + "formats: [osv]\n");
    assertThat(build().err()).isEmpty();
  }

  @Test
  void theFileIsRenewedAtTheStartOfEachNinetyDayWindow() {
    assertThat(SecurityTxtFormat.nextRenewal(Instant.parse("2025-12-07T23:59:59Z")))
        .isEqualTo(Instant.parse("2025-12-08T00:00:00Z"));
    assertThat(SecurityTxtFormat.nextRenewal(Instant.parse("2025-12-08T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-08T00:00:00Z"));
    assertThat(SecurityTxtFormat.hostRoot("https://example.org/")).isEmpty();
    assertThat(SecurityTxtFormat.hostRoot("https://example.org:8443/a/b/"))
        .contains("https://example.org:8443/");
  }
}
