package dev.disclose.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.disclose.plan.Pager.Link;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pages of a list: their paths, and the navigation each shows. */
class PagerTest {
  @Test
  void pageOneIsTheListsOwnPathAndTheOthersFollowItsPageFolder() {
    assertThat(Pager.path("advisories/", 1)).isEqualTo("advisories/");
    assertThat(Pager.path("advisories/", 2)).isEqualTo("advisories/page/2/");
    assertThat(Pager.path("packages/npm/left-pad/", 40))
        .isEqualTo("packages/npm/left-pad/page/40/");
  }

  @Test
  void rowsFillWholePagesAndAnEmptyListStillHasOne() {
    assertThat(Pager.count(0, 100)).isEqualTo(1);
    assertThat(Pager.count(100, 100)).isEqualTo(1);
    assertThat(Pager.count(101, 100)).isEqualTo(2);
    assertThat(Pager.count(10_000, 100)).isEqualTo(100);
    List<Integer> rows = IntStream.rangeClosed(1, 250).boxed().toList();
    assertThat(Pager.slice(rows, 1, 100)).first().isEqualTo(1);
    assertThat(Pager.slice(rows, 2, 100)).hasSize(100).first().isEqualTo(101);
    assertThat(Pager.slice(rows, 3, 100)).hasSize(50).last().isEqualTo(250);
  }

  @Test
  void theNavigationLinksTheEndsAndTheNeighboursWithAGapForEachSkippedRun() {
    Pager middle = Pager.of("advisories/", 20, 40);
    assertThat(middle.previous()).isEqualTo("advisories/page/19/");
    assertThat(middle.next()).isEqualTo("advisories/page/21/");
    assertThat(middle.links())
        .extracting(Link::label)
        .containsExactly("1", "…", "18", "19", "20", "21", "22", "…", "40");
    assertThat(middle.links())
        .filteredOn(Link::current)
        .extracting(Link::path)
        .containsExactly("advisories/page/20/");
    assertThat(middle.links())
        .filteredOn(l -> l.label().equals("…"))
        .extracting(Link::path)
        .containsOnly("");
  }

  @Test
  void theFirstPageHasNoPreviousAndTheLastNoNext() {
    Pager first = Pager.of("years/2025/", 1, 3);
    assertThat(first.previous()).isEmpty();
    assertThat(first.next()).isEqualTo("years/2025/page/2/");
    assertThat(first.links()).extracting(Link::label).containsExactly("1", "2", "3");
    Pager last = Pager.of("years/2025/", 3, 3);
    assertThat(last.previous()).isEqualTo("years/2025/page/2/");
    assertThat(last.next()).isEmpty();
    // A gap stands for two numbers or more: one number alone is shown instead.
    assertThat(Pager.of("a/", 1, 5).links())
        .extracting(Link::label)
        .containsExactly("1", "2", "3", "4", "5");
    assertThat(Pager.of("a/", 1, 6).links())
        .extracting(Link::label)
        .containsExactly("1", "2", "3", "…", "6");
    assertThat(Pager.of("a/", 6, 6).links())
        .extracting(Link::label)
        .containsExactly("1", "…", "4", "5", "6");
    assertThat(Pager.of("a/", 4, 7).links())
        .extracting(Link::label)
        .containsExactly("1", "2", "3", "4", "5", "6", "7");
  }

  @Test
  void aPageOutsideTheListIsRefused() {
    assertThatThrownBy(() -> Pager.of("a/", 0, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pager.of("a/", 4, 3)).isInstanceOf(IllegalArgumentException.class);
  }
}
