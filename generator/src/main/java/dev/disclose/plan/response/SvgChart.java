package dev.disclose.plan.response;

import dev.disclose.markdown.SafeHtml;
import dev.disclose.text.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A bar chart as inline SVG, drawn at build time so it reads without JavaScript and from {@code
 * file://}. Colours come from CSS classes of the theme (light and dark palettes, print), never from
 * inline styles, which the pages' Content-Security-Policy forbids. Each chart is an image with a
 * title and a description that states every value, for screen readers; the page repeats the figures
 * in a table.
 *
 * <p>Hand-written: the charts are a few rectangles and lines, and the JVM charting libraries
 * (JFreeChart, XChart) render through AWT with inline styles and fonts of the build machine, which
 * would make the output neither deterministic nor themeable.
 */
public final class SvgChart {
  /** A data series: its name in the legend and the CSS class that colours it. */
  public record Series(String name, String cssClass) {}

  /**
   * One group of bars (a year, a severity): a value per series, in series order, empty where there
   * is nothing to show; an optional target drawn as a line across the group.
   */
  public record Group(String label, List<OptionalDouble> values, OptionalDouble target) {
    public Group {
      values = List.copyOf(values);
    }
  }

  /** Grouped bars side by side, or stacked into one bar per group. */
  public enum Layout {
    GROUPED,
    STACKED
  }

  /**
   * {@code id}: unique on the page, prefixes the title and description IDs. {@code unit}: the
   * value's unit for the description, singular and plural ("day", "days").
   */
  public record Spec(
      String id,
      String title,
      String description,
      Layout layout,
      List<Series> series,
      List<Group> groups,
      String unitOne,
      String unitMany) {
    public Spec {
      series = List.copyOf(series);
      groups = List.copyOf(groups);
    }
  }

  private static final int TOP = 40;
  private static final int PLOT = 180;
  private static final int BOTTOM = 30;
  private static final int LEFT = 44;
  private static final int RIGHT = 16;
  private static final int BAR = 24;
  private static final int STACK_BAR = 40;
  private static final int GAP = 28;
  private static final int MIN_WIDTH = 340;

  private SvgChart() {}

  public static SafeHtml render(Spec spec) {
    boolean stacked = spec.layout() == Layout.STACKED;
    int barsPerGroup = stacked ? 1 : spec.series().size();
    int barWidth = stacked ? STACK_BAR : BAR;
    double legendEnd = LEFT;
    for (Series s : spec.series()) legendEnd += legendWidth(s.name());
    if (spec.groups().stream().anyMatch(g -> g.target().isPresent()))
      legendEnd += legendWidth("target");
    // A few groups spread over a readable width; many groups make the chart as wide as they need.
    int groups = Math.max(1, spec.groups().size());
    int width =
        (int)
            Math.max(
                Math.max(MIN_WIDTH, legendEnd + RIGHT),
                LEFT + groups * (barsPerGroup * barWidth + GAP) + RIGHT);
    double groupWidth = (width - LEFT - RIGHT) / (double) groups;
    int height = TOP + PLOT + BOTTOM;
    double max = 0;
    for (Group g : spec.groups()) {
      double sum = 0;
      for (OptionalDouble v : g.values()) {
        if (v.isEmpty()) continue;
        max = Math.max(max, v.getAsDouble());
        sum += v.getAsDouble();
      }
      if (stacked) max = Math.max(max, sum);
      if (g.target().isPresent()) max = Math.max(max, g.target().getAsDouble());
    }
    double step = niceStep(max);
    double top = Math.max(step, Math.ceil(max / step) * step);

    StringBuilder svg = new StringBuilder(2048);
    String id = escape(spec.id());
    svg.append("<svg class=\"chart\" role=\"img\" aria-labelledby=\"")
        .append(id)
        .append("-title ")
        .append(id)
        .append("-desc\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\">\n");
    svg.append("<title id=\"")
        .append(id)
        .append("-title\">")
        .append(escape(spec.title()))
        .append("</title>\n");
    svg.append("<desc id=\"")
        .append(id)
        .append("-desc\">")
        .append(escape(description(spec)))
        .append("</desc>\n");

    // Legend, left to right above the plot.
    double lx = LEFT;
    for (Series s : spec.series()) {
      svg.append("<rect class=\"swatch ")
          .append(escape(s.cssClass()))
          .append("\" x=\"")
          .append(num(lx))
          .append("\" y=\"10\" width=\"12\" height=\"12\"/>");
      svg.append("<text class=\"legend\" x=\"")
          .append(num(lx + 17))
          .append("\" y=\"20\">")
          .append(escape(s.name()))
          .append("</text>\n");
      lx += legendWidth(s.name());
    }
    boolean targets = spec.groups().stream().anyMatch(g -> g.target().isPresent());
    if (targets) {
      svg.append("<line class=\"target\" x1=\"")
          .append(num(lx))
          .append("\" y1=\"16\" x2=\"")
          .append(num(lx + 18))
          .append("\" y2=\"16\"/>");
      svg.append("<text class=\"legend\" x=\"")
          .append(num(lx + 24))
          .append("\" y=\"20\">target</text>\n");
    }

    // Grid and the value axis.
    for (double v = 0; v <= top + 1e-9; v += step) {
      double y = y(v, top);
      svg.append("<line class=\"grid\" x1=\"")
          .append(LEFT)
          .append("\" y1=\"")
          .append(num(y))
          .append("\" x2=\"")
          .append(width - RIGHT)
          .append("\" y2=\"")
          .append(num(y))
          .append("\"/>");
      svg.append("<text class=\"tick\" x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(num(y + 4))
          .append("\" text-anchor=\"end\">")
          .append(DaySpread.formatDays(v))
          .append("</text>\n");
    }

    for (int gi = 0; gi < spec.groups().size(); gi++) {
      Group g = spec.groups().get(gi);
      // The group's bars, centred in its slot.
      double gx = LEFT + gi * groupWidth + (groupWidth - barsPerGroup * barWidth) / 2.0;
      // The target first, so that bars and their values are drawn over it.
      if (g.target().isPresent()) {
        double ty = y(g.target().getAsDouble(), top);
        svg.append("<line class=\"target\" x1=\"")
            .append(num(gx - 6))
            .append("\" y1=\"")
            .append(num(ty))
            .append("\" x2=\"")
            .append(num(gx + barsPerGroup * barWidth + 6))
            .append("\" y2=\"")
            .append(num(ty))
            .append("\"><title>")
            .append(escape(g.label() + ", target: " + amount(spec, g.target().getAsDouble())))
            .append("</title></line>\n");
      }
      double stackBase = 0;
      for (int si = 0; si < spec.series().size(); si++) {
        OptionalDouble v = si < g.values().size() ? g.values().get(si) : OptionalDouble.empty();
        if (v.isEmpty()) continue;
        Series s = spec.series().get(si);
        double value = v.getAsDouble();
        double x = stacked ? gx : gx + si * barWidth;
        double y0 = y(stacked ? stackBase : 0, top);
        double y1 = y((stacked ? stackBase : 0) + value, top);
        if (value > 0) {
          svg.append("<rect class=\"bar ")
              .append(escape(s.cssClass()))
              .append("\" x=\"")
              .append(num(x + 2))
              .append("\" y=\"")
              .append(num(y1))
              .append("\" width=\"")
              .append(barWidth - 4)
              .append("\" height=\"")
              .append(num(y0 - y1))
              .append("\"><title>")
              .append(escape(g.label() + ", " + s.name() + ": " + amount(spec, value)))
              .append("</title></rect>");
        }
        if (!stacked) {
          // The value above its bar, also for a zero that draws no bar.
          svg.append("<text class=\"value\" x=\"")
              .append(num(x + barWidth / 2.0))
              .append("\" y=\"")
              .append(num(y1 - 4))
              .append("\" text-anchor=\"middle\">")
              .append(DaySpread.formatDays(value))
              .append("</text>");
        }
        stackBase += value;
        svg.append('\n');
      }
      if (stacked && stackBase > 0) {
        svg.append("<text class=\"value\" x=\"")
            .append(num(gx + barWidth / 2.0))
            .append("\" y=\"")
            .append(num(y(stackBase, top) - 4))
            .append("\" text-anchor=\"middle\">")
            .append(DaySpread.formatDays(stackBase))
            .append("</text>\n");
      }
      svg.append("<text class=\"label\" x=\"")
          .append(num(gx + barsPerGroup * barWidth / 2.0))
          .append("\" y=\"")
          .append(TOP + PLOT + 20)
          .append("\" text-anchor=\"middle\">")
          .append(escape(g.label()))
          .append("</text>\n");
    }
    svg.append("<line class=\"axis\" x1=\"")
        .append(LEFT)
        .append("\" y1=\"")
        .append(TOP + PLOT)
        .append("\" x2=\"")
        .append(width - RIGHT)
        .append("\" y2=\"")
        .append(TOP + PLOT)
        .append("\"/>\n");
    svg.append("</svg>");
    return new SafeHtml(svg.toString());
  }

  /** Every value in words: the chart's text alternative. */
  static String description(Spec spec) {
    StringBuilder d = new StringBuilder(spec.description());
    List<String> parts = new ArrayList<>();
    for (Group g : spec.groups()) {
      List<String> values = new ArrayList<>();
      for (int si = 0; si < spec.series().size() && si < g.values().size(); si++) {
        OptionalDouble v = g.values().get(si);
        if (v.isPresent())
          values.add(spec.series().get(si).name() + " " + amount(spec, v.getAsDouble()));
      }
      g.target().ifPresent(t -> values.add("target " + amount(spec, t)));
      parts.add(g.label() + ": " + (values.isEmpty() ? "no data" : String.join(", ", values)));
    }
    if (!parts.isEmpty())
      d.append(d.length() > 0 ? " " : "").append(String.join("; ", parts)).append('.');
    return d.toString();
  }

  private static String amount(Spec spec, double value) {
    return DaySpread.formatDays(value) + " " + (value == 1 ? spec.unitOne() : spec.unitMany());
  }

  /** Swatch, gap, the name at about 7 px a character in 12 px system fonts, and spacing. */
  private static double legendWidth(String name) {
    return 17 + 7.2 * name.length() + 12;
  }

  private static double y(double value, double top) {
    return TOP + PLOT - value / top * PLOT;
  }

  /** 1, 2 or 5 times a power of ten, giving at most five grid steps. */
  static double niceStep(double max) {
    if (max <= 0) return 1;
    double raw = max / 5;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * power >= raw) return Math.max(1, m * power);
    }
    return Math.max(1, 10 * power);
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String escape(String s) {
    return Html.escape(s);
  }
}
