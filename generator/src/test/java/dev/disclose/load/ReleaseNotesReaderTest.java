package dev.disclose.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.disclose.config.SiteConfig;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.releases.ExternalReleaseNotes;
import dev.disclose.releases.Release;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleaseNotesReaderTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static List<Release> demo() throws Exception {
    return ReleaseNotesReader.read(ROOT, config()).releases();
  }

  static SiteConfig config() throws Exception {
    return Pipeline.oneOff().config(SiteRoot.open(ROOT, new PathDisplay(ROOT)));
  }

  @Test
  void keepAChangelogSectionsBecomeReleasesWithoutUnreleasedOrLinkDefinitions() throws Exception {
    List<Release> serve =
        demo().stream().filter(r -> r.packageName().equals("corvid-serve")).toList();
    assertThat(serve)
        .extracting(Release::version)
        .containsExactly("1.1.1", "1.1.0", "1.0.4", "0.9.4", "0.8.3", "0.7.2", "0.6.1", "0.4.1");
    Release first = serve.get(0);
    assertThat(first.date()).contains(LocalDate.of(2026, 2, 10));
    assertThat(first.source()).isEqualTo("releases/corvid-serve/CHANGELOG.md");
    assertThat(first.line()).isEqualTo(12); // the heading's line, for messages that point at it
    assertThat(first.notes()).startsWith("### Security").contains("DEMO-2026-0001");
    assertThat(serve.get(7).notes()).doesNotContain("[1.1.1]:", "[0.4.1]:");
  }

  @Test
  void aFolderHoldsOneFilePerReleaseWithVersionAndDate() throws Exception {
    List<Release> virtio =
        demo().stream().filter(r -> r.packageName().equals("corvid-virtio")).toList();
    assertThat(virtio).extracting(Release::version).containsExactly("0.3.4", "0.6.1");
    assertThat(virtio.get(1).date()).contains(LocalDate.of(2025, 11, 25));
    assertThat(virtio.get(1).notes()).startsWith("### Security").contains("DescriptorChain");
    assertThat(virtio.get(1).source()).isEqualTo("releases/corvid-virtio/0.6.1.md");
  }

  @Test
  void releasesPublishedElsewhereAreLinkedByTheirUrlTemplate() throws Exception {
    assertThat(
            ExternalReleaseNotes.of(config())
                .url("Go", "github.com/corvid-dev/corvid-operator", "1.2.3"))
        .contains("https://github.com/corvid-dev/corvid-operator/releases/tag/v1.2.3");
    assertThat(ExternalReleaseNotes.of(config()).url("PyPI", "corvid-serve", "1.1.1"))
        .isEqualTo(Optional.empty());
  }

  @Test
  void aReleaseNotesPathOutsideTheSiteIsRefused() {
    assertThatThrownBy(() -> ReleaseNotesReader.inside(ROOT, "../../etc"))
        .isInstanceOf(SiteException.class)
        .hasMessageContaining("must lie inside the site");
  }
}
