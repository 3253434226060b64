package dev.disclose.osv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OsvFilesTest {
  static OsvRecord record(String id, String ecosystem) {
    return new OsvRecord(OsvRecord.SCHEMA_VERSION, id, "2025-01-01T00:00:00Z", null, null, List.of(), List.of(), List.of(),
        "t", "d", List.of(), List.of(new OsvRecord.Affected(new OsvRecord.Package(ecosystem, "p", null), List.of(),
            List.of(), List.of("1"), Map.of(), Map.of())), List.of(), List.of(), Map.of());
  }

  @Test
  void ecosystemZipsGoByBaseEcosystemAsOsvScannerReadsThem() {
    Map<String, byte[]> files = OsvFiles.of(List.of(record("DSA-1-1", "Debian:12"), record("DSA-2-1", "Debian:11"),
        record("GHSA-2x2x-3c3c-4f4f", "npm")));
    assertThat(files.keySet()).contains("Debian/all.zip", "npm/all.zip", "all.zip", "all.json")
        .doesNotContain("Debian-12/all.zip", "Debian-11/all.zip");
  }
}
