package dev.disclose.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.disclose.format.FileSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class OsvDatabaseTest {
  static OsvRecord record(String id, String ecosystem) {
    return new OsvRecord(
        OsvRecord.SCHEMA_VERSION,
        id,
        "2025-01-01T00:00:00Z",
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        "t",
        "d",
        List.of(),
        List.of(
            new OsvRecord.Affected(
                new OsvRecord.Package(ecosystem, "p", null),
                List.of(),
                List.of(),
                List.of("1"),
                Map.of(),
                Map.of())),
        List.of(),
        List.of(),
        Map.of());
  }

  @Test
  void ecosystemZipsGoByBaseEcosystemAsOsvScannerReadsThem() {
    Map<String, byte[]> files =
        OsvDatabase.of(
            List.of(
                record("DSA-1-1", "Debian:12"),
                record("DSA-2-1", "Debian:11"),
                record("GHSA-2x2x-3c3c-4f4f", "npm")));
    assertThat(files.keySet())
        .contains("Debian/all.zip", "npm/all.zip", "all.zip", "all.json")
        .doesNotContain("Debian-12/all.zip", "Debian-11/all.zip");
  }

  /**
   * A failed zip fails the export only once every other zip has stopped writing: the build then
   * discards the folder.
   */
  @Test
  void aFailedZipIsReportedAfterEveryOtherZipIsClosed() {
    AtomicInteger open = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    FileSink sink =
        new FileSink() {
          @Override
          public void put(String relative, byte[] bytes) {}

          @Override
          public OutputStream open(String relative) throws IOException {
            // As the build's staging sink reports its writer thread's failure: unchecked.
            if (relative.equals("all.zip"))
              throw new UncheckedIOException(new IOException("disk full"));
            open.incrementAndGet();
            return new ByteArrayOutputStream() {
              @Override
              public void close() {
                try {
                  Thread.sleep(50); // still writing when the failure is thrown, unless waited for
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                closed.incrementAndGet();
              }
            };
          }
        };
    List<OsvRecord> records =
        List.of(
            record("A-1", "npm"),
            record("A-2", "PyPI"),
            record("A-3", "Go"),
            record("A-4", "Maven"),
            record("A-5", "crates.io"));

    assertThatThrownBy(() -> OsvDatabase.write(records, sink))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("disk full");
    assertThat(open.get()).isEqualTo(5);
    assertThat(closed.get()).isEqualTo(5);
  }

  @Test
  void theCountIsOfDistinctFiles() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    int written =
        OsvDatabase.write(
            List.of(record("A-1", "npm"), record("A-2", "npm")), FileSink.inMemory(files));
    assertThat(written)
        .isEqualTo(files.size())
        .isEqualTo(5); // two records, all.json, all.zip, npm/all.zip
  }

  private static byte[] zipIn(String zone) throws IOException {
    TimeZone before = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      OsvDatabase.zip(
          Map.of(
              "A-1.json", "{}".getBytes(StandardCharsets.UTF_8),
              "B-2.json", "[]".getBytes(StandardCharsets.UTF_8)),
          out);
      return out.toByteArray();
    } finally {
      TimeZone.setDefault(before);
    }
  }

  @Test
  void zipsAreTheSameBytesWhateverTheTimeZone() throws IOException {
    byte[] utc = zipIn("UTC");
    assertThat(zipIn("America/New_York")).isEqualTo(utc);
    assertThat(zipIn("Asia/Tokyo")).isEqualTo(utc);
    assertThat(zipIn("Pacific/Kiritimati")).isEqualTo(utc);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(utc))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        // No extended timestamp, whose instant a reader would shift by its own zone.
        assertThat(e.getExtra()).isNull();
        assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.of(1980, 2, 1, 0, 0));
      }
    }
  }
}
