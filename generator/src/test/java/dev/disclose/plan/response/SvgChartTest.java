package dev.disclose.plan.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.Golden;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class SvgChartTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/charts");
  static final List<SvgChart.Series> SERIES =
      List.of(
          new SvgChart.Series("median", "fill-median"),
          new SvgChart.Series("90th percentile", "fill-p90"));

  static SvgChart.Spec grouped() {
    return new SvgChart.Spec(
        "chart-test",
        "Days to fix",
        "Median and p90.",
        SvgChart.Layout.GROUPED,
        SERIES,
        List.of(
            new SvgChart.Group(
                "2024",
                List.of(OptionalDouble.of(15), OptionalDouble.of(134)),
                OptionalDouble.of(30)),
            new SvgChart.Group(
                "2025",
                List.of(OptionalDouble.of(0), OptionalDouble.of(2.5)),
                OptionalDouble.of(30)),
            new SvgChart.Group(
                "2026",
                List.of(OptionalDouble.empty(), OptionalDouble.empty()),
                OptionalDouble.empty())),
        "day",
        "days");
  }

  @Test
  void groupedChartMatchesItsGoldenFile() {
    Golden.assertMatches(GOLDEN.resolve("grouped.svg"), SvgChart.render(grouped()).html() + "\n");
  }

  @Test
  void stackedChartMatchesItsGoldenFile() {
    SvgChart.Spec spec =
        new SvgChart.Spec(
            "chart-stack",
            "By severity",
            "",
            SvgChart.Layout.STACKED,
            List.of(
                new SvgChart.Series("Critical", "fill-critical"),
                new SvgChart.Series("Low", "fill-low")),
            List.of(
                new SvgChart.Group(
                    "2025",
                    List.of(OptionalDouble.of(1), OptionalDouble.of(3)),
                    OptionalDouble.empty()),
                new SvgChart.Group(
                    "2026",
                    List.of(OptionalDouble.empty(), OptionalDouble.of(2)),
                    OptionalDouble.empty())),
            "advisory",
            "advisories");
    Golden.assertMatches(GOLDEN.resolve("stacked.svg"), SvgChart.render(spec).html() + "\n");
  }

  @Test
  void isAnImageWithATitleAndADescriptionStatingEveryValue() {
    Document svg = Jsoup.parse(SvgChart.render(grouped()).html(), "", Parser.xmlParser());
    Element root = svg.selectFirst("svg");
    assertThat(root.attr("role")).isEqualTo("img");
    assertThat(root.attr("aria-labelledby")).isEqualTo("chart-test-title chart-test-desc");
    assertThat(svg.getElementById("chart-test-title").text()).isEqualTo("Days to fix");
    assertThat(svg.getElementById("chart-test-desc").text())
        .isEqualTo(
            "Median and p90. "
                + "2024: median 15 days, 90th percentile 134 days, target 30 days; "
                + "2025: median 0 days, 90th percentile 2.5 days, target 30 days; 2026: no data.");
    assertThat(svg.select("[style]")).as("the CSP forbids inline styles").isEmpty();
    assertThat(svg.select("rect.bar")).hasSize(3); // a zero draws no bar, but its value is printed
    assertThat(svg.select("text.value").eachText()).containsExactly("15", "134", "0", "2.5");
  }

  @Test
  void barsAreProportionalToTheirValues() {
    Document svg = Jsoup.parse(SvgChart.render(grouped()).html(), "", Parser.xmlParser());
    List<Double> heights =
        svg.select("rect.bar").eachAttr("height").stream().map(Double::valueOf).toList();
    // 15, 134 and 2.5 days on an axis to 150 of 180 px.
    assertThat(heights).containsExactly(18.0, 160.8, 3.0);
  }

  @Test
  void labelsAreEscaped() {
    SvgChart.Spec spec =
        new SvgChart.Spec(
            "x",
            "<script>",
            "a & b",
            SvgChart.Layout.GROUPED,
            SERIES,
            List.of(
                new SvgChart.Group(
                    "\"><img>",
                    List.of(OptionalDouble.of(1), OptionalDouble.of(1)),
                    OptionalDouble.empty())),
            "day",
            "days");
    String html = SvgChart.render(spec).html();
    assertThat(html)
        .doesNotContain("<script>", "<img>")
        .contains("&lt;script&gt;", "&quot;&gt;&lt;img&gt;", "a &amp; b");
  }

  @Test
  void gridStepsAreOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(SvgChart.niceStep(0)).isEqualTo(1);
    assertThat(SvgChart.niceStep(3)).isEqualTo(1);
    assertThat(SvgChart.niceStep(14)).isEqualTo(5);
    assertThat(SvgChart.niceStep(134)).isEqualTo(50);
    assertThat(SvgChart.niceStep(900)).isEqualTo(200);
  }
}
