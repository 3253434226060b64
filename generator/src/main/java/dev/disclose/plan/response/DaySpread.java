package dev.disclose.plan.response;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * How many days a step of the response took across several advisories: the median (the mean of the
 * two middle values for an even count) and the {@code p90} percentile by nearest rank, the smallest
 * sorted value with at least that share of the values at or below it. Nearest rank always reports a
 * day count that really happened, which is what a reader checking the policy expects.
 */
public record DaySpread(int count, double median, long p90) {
  public static final DaySpread EMPTY = new DaySpread(0, 0, 0);

  public static DaySpread of(Collection<Long> days) {
    if (days.isEmpty()) return EMPTY;
    long[] sorted = days.stream().mapToLong(Long::longValue).sorted().toArray();
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    int rank = (int) Math.ceil(0.9 * n); // 1-based
    return new DaySpread(n, median, sorted[Math.max(rank, 1) - 1]);
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** "3" or "3.5": a median of an even count may fall between two days. */
  public String medianText() {
    return isEmpty() ? "" : formatDays(median);
  }

  public String p90Text() {
    return isEmpty() ? "" : Long.toString(p90);
  }

  static String formatDays(double days) {
    return days == Math.rint(days)
        ? Long.toString((long) days)
        : String.format(Locale.ROOT, "%.1f", days);
  }

  @Override
  public String toString() {
    return "DaySpread" + Arrays.toString(new Object[] {count, median, p90});
  }
}
