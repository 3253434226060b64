package dev.disclose.rustsec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.RangeType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RustSecRequirementsTest {
  static AffectedRange range(String introduced, String fixed) {
    return new AffectedRange(
        RangeType.SEMVER,
        Optional.empty(),
        Optional.ofNullable(introduced),
        Optional.ofNullable(fixed),
        Optional.empty(),
        Optional.empty(),
        Map.of());
  }

  static Affected crate(List<AffectedRange> ranges, List<String> versions) {
    return new Affected(
        "crates.io",
        "demo",
        Optional.empty(),
        ranges,
        versions,
        Map.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        Map.of(),
        Map.of());
  }

  @Test
  void aVersionListedAfterTheFixIsNotPatched() {
    // cargo-audit must still flag 1.3.0: the fix in 1.1.0 does not reach it.
    RustSecExporter.Requirements r =
        RustSecExporter.requirements(crate(List.of(range("1.0.0", "1.1.0")), List.of("1.3.0")));
    assertThat(r.patched()).containsExactly(">= 1.1.0, < 1.3.0", "> 1.3.0");
    assertThat(r.unaffected()).containsExactly("< 1.0.0");
  }

  @Test
  void aListedVersionThatIsNotSemVerIsLeftOut() {
    RustSecExporter.Requirements r =
        RustSecExporter.requirements(crate(List.of(range("1.0.0", "1.1.0")), List.of("1.2")));
    assertThat(r.patched()).containsExactly(">= 1.1.0");
    assertThat(r.unaffected()).containsExactly("< 1.0.0");
  }

  @Test
  void aListedVersionInsideARangeChangesNothing() {
    RustSecExporter.Requirements r =
        RustSecExporter.requirements(crate(List.of(range("1.0.0", "1.1.0")), List.of("1.0.5")));
    assertThat(r.patched()).containsExactly(">= 1.1.0");
  }
}
