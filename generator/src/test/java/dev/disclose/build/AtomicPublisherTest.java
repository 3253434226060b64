package dev.disclose.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staging folder's life: reused from the output before last, published, or given back. */
class AtomicPublisherTest {
  @TempDir Path temp;

  private Path publishedTwice() throws Exception {
    Path out = temp.resolve("_site");
    for (String text : new String[] {"first", "second"}) {
      AtomicPublisher.Staging staging = AtomicPublisher.stageReusing(out, temp.resolve("site"), false);
      Files.writeString(staging.folder().resolve("index.html"), text);
      AtomicPublisher.publishKeeping(staging.folder(), out);
    }
    return out;
  }

  @Test
  void theOutputBeforeLastIsReusedWithTheSizeOfEachFile() throws Exception {
    Path out = publishedTwice();
    assertThat(out.resolve("index.html")).hasContent("second");
    assertThat(temp.resolve("._site.previous/index.html")).hasContent("first");

    AtomicPublisher.Staging reused = AtomicPublisher.stageReusing(out, temp.resolve("site"), false);
    assertThat(reused.reused()).isTrue();
    assertThat(reused.files()).containsExactly(java.util.Map.entry(Path.of("index.html"), 5L));
    assertThat(reused.folder().resolve(".gitignore")).doesNotExist();
    assertThat(temp.resolve("._site.previous")).doesNotExist();
  }

  @Test
  void aFailedBuildGivesTheReusedFolderBackInsteadOfDeletingIt() throws Exception {
    Path out = publishedTwice();
    AtomicPublisher.Staging reused = AtomicPublisher.stageReusing(out, temp.resolve("site"), false);
    AtomicPublisher.discard(reused, out);
    assertThat(temp.resolve("._site.previous/index.html")).hasContent("first");
    assertThat(out.resolve("index.html")).hasContent("second");
    assertThat(siblings()).containsExactlyInAnyOrder("_site", "._site.previous");
  }

  @Test
  void aPreviewNeverReusesAPublicOutputNorTheReverse() throws Exception {
    Path out = publishedTwice();
    Path preview = temp.resolve("_preview");
    Files.move(temp.resolve("._site.previous"), temp.resolve("._preview.previous"));
    AtomicPublisher.Staging staging = AtomicPublisher.stageReusing(preview, temp.resolve("site"), true);
    assertThat(staging.reused()).isFalse();
    AtomicPublisher.discard(staging, preview);
    assertThat(temp.resolve("._preview.previous/index.html")).hasContent("first");
    assertThat(out.resolve("index.html")).hasContent("second");
  }

  @Test
  void anOutputItMayNotReplaceClaimsNothing() throws Exception {
    Path out = publishedTwice();
    Files.delete(out.resolve(AtomicPublisher.MARKER));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AtomicPublisher.stageReusing(out, temp.resolve("site"), false))
        .isInstanceOf(dev.disclose.source.SiteException.class).hasMessageContaining("not written by disclose build");
    assertThat(temp.resolve("._site.previous/index.html")).hasContent("first");
    assertThat(siblings()).containsExactlyInAnyOrder("_site", "._site.previous");
  }

  private java.util.List<String> siblings() throws IOException {
    try (Stream<Path> list = Files.list(temp)) {
      return list.map(p -> p.getFileName().toString()).toList();
    }
  }
}
