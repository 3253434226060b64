package dev.disclose.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizesTest {
  @Test
  void bytesAreWordedInDecimalUnitsWithOneDecimal() {
    assertThat(Sizes.bytes(0)).isEqualTo("0 bytes");
    assertThat(Sizes.bytes(1)).isEqualTo("1 byte");
    assertThat(Sizes.bytes(999)).isEqualTo("999 bytes");
    assertThat(Sizes.bytes(1000)).isEqualTo("1.0 KB");
    assertThat(Sizes.bytes(1_049)).isEqualTo("1.0 KB");
    assertThat(Sizes.bytes(12_345_678)).isEqualTo("12.3 MB");
    assertThat(Sizes.bytes(8_000_000_000L)).isEqualTo("8.0 GB");
    assertThat(Sizes.bytes(Long.MAX_VALUE)).isEqualTo("9.2 EB");
  }

  @Test
  void roundingThatReachesAThousandMovesToTheNextUnit() {
    assertThat(Sizes.bytes(999_949)).isEqualTo("999.9 KB");
    assertThat(Sizes.bytes(999_950)).isEqualTo("1.0 MB");
    assertThat(Sizes.bytes(999_999_999)).isEqualTo("1.0 GB");
  }

  @Test
  void countsGroupThousandsWhateverTheLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      assertThat(Sizes.count(1_234, "file", "files")).isEqualTo("1,234 files");
      assertThat(Sizes.count(1, "file", "files")).isEqualTo("1 file");
      assertThat(Sizes.count(0, "file", "files")).isEqualTo("0 files");
      assertThat(Sizes.bytes(12_345_678)).isEqualTo("12.3 MB");
    } finally {
      java.util.Locale.setDefault(before);
    }
  }
}
