package dev.disclose.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.pipeline.OutputFormats;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** `base_url` is normalized where the configuration is read: every output sees one spelling. */
class BaseUrlTest {
  private static SiteConfig read(String baseUrl) {
    return SiteConfigLoader.parse(
            "title: T\nbase_url: "
                + baseUrl
                + "\nid_prefix: FIX\n"
                + "security_contact: mailto:s@example.org\n",
            Path.of("site-config.yaml"),
            OutputFormats.names())
        .config();
  }

  @Test
  void aBaseUrlWithoutItsFinalSlashGetsOne() {
    assertThat(read("https://example.org/security").baseUrl())
        .isEqualTo("https://example.org/security/");
    assertThat(read("https://example.org/security").urls().advisory("FIX-2025-0001"))
        .isEqualTo("https://example.org/security/advisories/FIX-2025-0001/");
  }

  @Test
  void aBaseUrlWithItsFinalSlashIsKept() {
    assertThat(read("https://example.org/security/").baseUrl())
        .isEqualTo("https://example.org/security/");
  }

  @Test
  void aBuildsBaseUrlIsNormalizedAlike() {
    assertThat(read("https://example.org/").withBaseUrl("https://owner.github.io/repo").baseUrl())
        .isEqualTo("https://owner.github.io/repo/");
  }
}
