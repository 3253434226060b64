package dev.disclose.rustsec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.disclose.advisory.AffectedRange;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RustSec [versions] → affected intervals, checked against what RustSec's own OSV export gives for
 * the same requirements (the expected values are from rustsec's unaffected_range tests and the OSV
 * records in advisory-db).
 */
class CargoRequirementsTest {
  @ParameterizedTest(name = "patched {0}, unaffected {1} → {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "                              |             | 0..",
        ">= 1.2.0                      |             | 0..1.2.0",
        ">= 0.14.3; 0.13.10; 0.12.36   | < 0.12.0    | 0.12.0..0.12.36, 0.13.0-0..0.13.10, 0.14.0-0..0.14.3",
        "^ 0.2.2; >= 0.3.6             |             | 0..0.2.2, 0.3.0-0..0.3.6",
        ">= 0.9.13                     | <= 0.3.9    | 0.3.10-0..0.9.13",
        "> 1.0.0                       |             | 0..1.0.1-0",
        ">= 2.0.0                      | = 1.0.0     | 0..1.0.0, 1.0.1-0..2.0.0",
        "~1.2.3                        |             | 0..1.2.3, 1.3.0-0..",
        "^0.0.3                        |             | 0..0.0.3, 0.0.4-0..",
        "^0                            |             | 0..0.0.0, 1.0.0-0..",
        "^1.2                          |             | 0..1.2.0, 2.0.0-0..",
        ">= 1.0.0-rc.1                 |             | 0..1.0.0-rc.1",
        ">= 21.0.2, < 22.0.0; >= 22.0.1 | < 21.0.0   | 21.0.0..21.0.2, 22.0.0..22.0.1",
        "                              | < 0.5       | 0.5.0..",
        ">= 2.0.0                      | <= 1.0.0-beta | 1.0.0-beta.0..2.0.0",
      })
  void complementOfTheRequirements(String patched, String unaffected, String expected)
      throws Exception {
    List<AffectedRange> ranges = CargoRequirements.affected(split(patched), split(unaffected));
    assertThat(
            ranges.stream()
                .map(r -> r.introducedOrBeginning() + ".." + r.fixed().orElse(""))
                .toList())
        .containsExactlyElementsOf(List.of(expected.split(", ")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        ">= 1.0.0; >= 1.5.0          | overlap",
        ">= 1.0.0, >= 2.0.0          | more than one lower bound",
        "< 1.0.0, <= 2.0.0           | more than one upper bound",
        "^1.0.0, < 2.0.0             | must stand alone",
        "1.*                         | is not a Cargo version requirement",
        "*                           | is not a Cargo version requirement",
        ">= 2.0.0, < 1.0.0           | matches no version",
        ">= 1.0.0, < 2.0.0, != 1.5.0 | more than two comparators",
        ">= 99999999999999999999.0.0 | too large",
      })
  void requirementsItCannotReadAreErrorsThatSayWhy(String patched, String message) {
    assertThatThrownBy(() -> CargoRequirements.affected(split(patched), List.of()))
        .isInstanceOf(CargoRequirements.RequirementException.class)
        .hasMessageContaining(message);
  }

  private static List<String> split(String s) {
    return s == null || s.isBlank()
        ? List.of()
        : List.of(s.split(";")).stream().map(String::strip).toList();
  }
}
