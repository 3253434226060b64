package dev.disclose.plan.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DaySpreadTest {
  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    DaySpread s = DaySpread.of(List.of(9L, 1L, 4L));
    assertThat(s.median()).isEqualTo(4);
    assertThat(s.medianText()).isEqualTo("4");
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    DaySpread s = DaySpread.of(List.of(15L, 1L, 18L, 2L));
    assertThat(s.median()).isEqualTo(8.5);
    assertThat(s.medianText()).isEqualTo("8.5");
  }

  @Test
  void ninetiethPercentileIsByNearestRank() {
    // Ranks: ceil(0.9 n). n=10 → 9th value; n=11 → 10th; n=1 → the only value; n=3 → 3rd.
    List<Long> ten = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 100L);
    assertThat(DaySpread.of(ten).p90()).isEqualTo(9);
    List<Long> eleven = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 100L);
    assertThat(DaySpread.of(eleven).p90()).isEqualTo(10);
    assertThat(DaySpread.of(List.of(7L)).p90()).isEqualTo(7);
    assertThat(DaySpread.of(List.of(1L, 14L, 1L)).p90()).isEqualTo(14);
  }

  @Test
  void emptyHasNoFigures() {
    DaySpread s = DaySpread.of(List.of());
    assertThat(s.isEmpty()).isTrue();
    assertThat(s.medianText()).isEmpty();
    assertThat(s.p90Text()).isEmpty();
  }
}
