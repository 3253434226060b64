package dev.disclose.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The year an ID names, which lists fall back on when the publication date is unknown. */
class AdvisoryIdYearTest {
  @Test
  void idsNumberedByYearNameIt() {
    assertThat(AdvisoryId.year("IMP-2023-0097")).contains(2023);
    assertThat(AdvisoryId.year("GO-2022-1234")).contains(2022);
    assertThat(AdvisoryId.year("CVE-2021-44228")).contains(2021);
    assertThat(AdvisoryId.year("PYSEC-2021-7")).contains(2021);
  }

  @Test
  void idsWithoutAYearOrWithASequenceNameNone() {
    assertThat(AdvisoryId.year("GHSA-2x2x-3c3c-4f4f")).isEqualTo(Optional.empty());
    assertThat(AdvisoryId.year("DSA-2001-1")).isEqualTo(Optional.empty());
    assertThat(AdvisoryId.year("IMP-0000-0000")).isEqualTo(Optional.empty());
  }
}
