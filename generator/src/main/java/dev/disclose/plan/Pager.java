package dev.disclose.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one page stands among the pages of a list, as its navigation shows it: its number, how many
 * there are, the paths of the previous and next pages ("" at either end), and the numbered links.
 * Page 1 is the list's own path, page {@code n} its path then {@code page/n/}.
 */
public record Pager(int number, int count, String previous, String next, List<Link> links) {

  /** A numbered link; {@code path} "" for the gap between distant numbers, shown as an ellipsis. */
  public record Link(String label, String path, boolean current) {}

  /** How many numbers either side of the current page the navigation links. */
  static final int NEAR = 2;

  public Pager {
    links = List.copyOf(links);
  }

  /** The path of page {@code number} of the list at {@code first}. */
  public static String path(String first, int number) {
    return number == 1 ? first : first + "page/" + number + "/";
  }

  /** How many pages {@code rows} rows fill, {@code size} a page: at least one, empty or not. */
  public static int count(int rows, int size) {
    return Math.max(1, (rows + size - 1) / size);
  }

  /** Page {@code number} of {@code count} of the list at {@code first}. */
  public static Pager of(String first, int number, int count) {
    if (number < 1 || number > count)
      throw new IllegalArgumentException("page " + number + " of " + count);
    List<Link> links = new ArrayList<>();
    // The first, the last, and those near the current page; a gap marks each skipped run of two
    // or more numbers, since a gap in place of one number takes as much room as the number.
    int last = 0;
    for (int n = 1; n <= count; n++) {
      boolean shown = n == 1 || n == count || Math.abs(n - number) <= NEAR;
      boolean aloneInAGap =
          (n == 2 && number - NEAR == 3) || (n == count - 1 && number + NEAR == count - 2);
      if (!shown && !aloneInAGap) continue;
      if (n > last + 1) links.add(new Link("…", "", false));
      links.add(new Link(String.valueOf(n), path(first, n), n == number));
      last = n;
    }
    return new Pager(
        number,
        count,
        number > 1 ? path(first, number - 1) : "",
        number < count ? path(first, number + 1) : "",
        links);
  }

  /** Rows {@code number} of {@code all}, {@code size} to a page. */
  static <T> List<T> slice(List<T> all, int number, int size) {
    int from = Math.min(all.size(), (number - 1) * size);
    return all.subList(from, Math.min(all.size(), from + size));
  }
}
