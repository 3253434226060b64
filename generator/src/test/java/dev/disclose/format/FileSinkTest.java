package dev.disclose.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
  @TempDir Path dir;

  @Test
  void aFolderSinkMakesFoldersAndStreamsLargeFiles() throws IOException {
    FileSink sink = FileSink.folder(dir);
    sink.put("osv/A-1.json", "{}".getBytes(StandardCharsets.UTF_8));
    try (OutputStream zip = sink.open("osv/PyPI/all.zip")) {
      zip.write(new byte[] {1, 2, 3});
    }

    assertThat(dir.resolve("osv/A-1.json")).hasContent("{}");
    assertThat(Files.readAllBytes(dir.resolve("osv/PyPI/all.zip"))).containsExactly(1, 2, 3);
  }

  @Test
  void aFolderSinkNeverWritesOutsideItsFolder() {
    FileSink sink = FileSink.folder(dir.resolve("out"));

    assertThatThrownBy(() -> sink.put("../escaped.json", new byte[0]))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("refusing to write outside");
    assertThatThrownBy(() -> sink.open("a/../../escaped.zip")).isInstanceOf(IOException.class);
    assertThat(dir.resolve("escaped.json")).doesNotExist();
  }

  @Test
  void anInMemorySinkHoldsAStreamedFileOnceItIsClosed() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    FileSink sink = FileSink.inMemory(files);
    OutputStream out = sink.open("vex.json");
    out.write("{\"a\":1}".getBytes(StandardCharsets.UTF_8));

    assertThat(files).isEmpty();
    out.close();
    assertThat(files).containsOnlyKeys("vex.json");
    assertThat(new String(files.get("vex.json"), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
  }
}
