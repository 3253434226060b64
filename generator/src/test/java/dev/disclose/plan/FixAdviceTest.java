package dev.disclose.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.RangeType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FixAdviceTest {
  private static AffectedRange range(String introduced, String fixed, String lastAffected) {
    return new AffectedRange(
        RangeType.ECOSYSTEM,
        Optional.empty(),
        Optional.ofNullable(introduced),
        Optional.ofNullable(fixed),
        Optional.ofNullable(lastAffected),
        Optional.empty(),
        Map.of());
  }

  private static AffectedRange commits(String introduced, String fixed) {
    return new AffectedRange(
        RangeType.GIT,
        Optional.of("https://example.org/repo"),
        Optional.of(introduced),
        Optional.ofNullable(fixed),
        Optional.empty(),
        Optional.empty(),
        Map.of());
  }

  private static Affected pkg(List<AffectedRange> ranges, List<String> versions) {
    return new Affected(
        "PyPI",
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
  void oneFixedVersionIsUpgradedToOrPast() {
    Affected p = pkg(List.of(range("0.5.0", "0.7.2", null)), List.of());
    assertThat(FixAdvice.advice(p)).isEqualTo("Upgrade to 0.7.2 or later");
    assertThat(FixAdvice.fixedIn(p)).isEqualTo("Fixed in 0.7.2");
    assertThat(FixAdvice.affected(p)).isEqualTo("≥ 0.5.0, < 0.7.2");
  }

  @Test
  void severalLinesEachNameTheirFix() {
    Affected p =
        pkg(List.of(range("1.0.0", "1.2.5", null), range("2.0.0", "2.0.3", null)), List.of());
    assertThat(FixAdvice.advice(p))
        .isEqualTo("Upgrade to 1.2.5 or 2.0.3, or a later release of the same line");
    assertThat(FixAdvice.fixedIn(p)).isEqualTo("Fixed in 1.2.5, 2.0.3");
    assertThat(FixAdvice.affected(p)).isEqualTo("≥ 1.0.0, < 1.2.5; ≥ 2.0.0, < 2.0.3");
  }

  @Test
  void aLineEndingAtItsLastAffectedVersionIsNotHiddenBehindAnotherLinesFix() {
    Affected p =
        pkg(List.of(range("1.0.0", "1.4.2", null), range("2.0.0", null, "2.0.3")), List.of());
    assertThat(FixAdvice.advice(p))
        .isEqualTo(
            "Upgrade to 1.4.2 or a release after 2.0.3, or a later release of the same line");
    assertThat(FixAdvice.fixedIn(p)).isEqualTo("Fixed in 1.4.2 and after 2.0.3");
    assertThat(FixAdvice.advice(pkg(List.of(range("0", null, "2.0.3")), List.of())))
        .isEqualTo("Upgrade to a release after 2.0.3");
    assertThat(FixAdvice.fixedIn(pkg(List.of(range("0", null, "2.0.3")), List.of())))
        .isEqualTo("Fixed after 2.0.3");
  }

  @Test
  void aLineWithoutAFixIsSaidToHaveNone() {
    Affected none = pkg(List.of(range("0", null, null)), List.of());
    assertThat(FixAdvice.advice(none)).isEqualTo("No fixed version yet");
    assertThat(FixAdvice.fixedIn(none)).isEqualTo("No fixed version yet");
    assertThat(FixAdvice.affected(none)).isEqualTo("all versions");
    Affected partly =
        pkg(List.of(range("1.0.0", "1.4.2", null), range("2.0.0", null, null)), List.of());
    assertThat(FixAdvice.advice(partly))
        .isEqualTo(
            "Upgrade to 1.4.2, or a later release of the same line; no fixed version yet of ≥ 2.0.0");
    assertThat(FixAdvice.fixedIn(partly)).isEqualTo("Fixed in 1.4.2; not all lines yet");
  }

  @Test
  void commitsCountOnlyWhereNoVersionsAreGiven() {
    Affected both =
        pkg(
            List.of(range("0.2.0", "0.4.1", null), commits("8d393c5f96e7aa", "f7b9c8f9a4cbff")),
            List.of());
    assertThat(FixAdvice.advice(both)).isEqualTo("Upgrade to 0.4.1 or later");
    Affected onlyCommits = pkg(List.of(commits("8d393c5f96e7aa", "f7b9c8f9a4cbff00")), List.of());
    assertThat(FixAdvice.advice(onlyCommits))
        .isEqualTo("Upgrade to a build with commit f7b9c8f9a4cb");
    assertThat(FixAdvice.fixedIn(onlyCommits)).isEqualTo("Fixed in commit f7b9c8f9a4cb");
  }

  @Test
  void listedVersionsAreNamedThenCounted() {
    Affected p = pkg(List.of(), List.of("1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6"));
    assertThat(FixAdvice.affected(p)).isEqualTo("1.0, 1.1, 1.2, 1.3, 1.4 and 2 more");
    assertThat(FixAdvice.advice(p)).isEqualTo("No fixed version yet");
  }
}
