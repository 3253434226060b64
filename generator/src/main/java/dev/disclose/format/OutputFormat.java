package dev.disclose.format;

import dev.disclose.memo.Memo;
import dev.disclose.plan.Publication;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output format: a value naming a kind of file the site publishes, and how its files are made of
 * a {@link Publication}. The site writes each format into its {@link #folder()}; {@code disclose
 * export NAME} writes one into a folder of its own. A format reads the model and the site's URLs,
 * never the planner or the pipeline; the pipeline's list of formats is where a new one is
 * registered.
 */
public interface OutputFormat {
  /**
   * How many files a format wrote, and notes for the person exporting (what was left out, and why).
   */
  record Written(int files, List<String> notes) {
    public static final Written NONE = new Written(0, List.of());

    public Written {
      notes = List.copyOf(notes);
    }

    public Written plus(Written other) {
      return new Written(
          files + other.files, Stream.concat(notes.stream(), other.notes.stream()).toList());
    }
  }

  /** Its name on the command line ({@code disclose export NAME}). */
  String name();

  /**
   * Its folder in the site, relative to the root: {@code "osv/"}, or {@code ""} for files at the
   * root.
   */
  String folder();

  /** What it is, in one line, for {@code disclose export --help}. */
  String summary();

  /**
   * Whether it is made of what the plan made of the site (feeds, search documents, pages), not of
   * the catalog alone.
   */
  boolean readsPlan();

  /**
   * Writes its files, paths relative to its folder, as they are made; {@code memo}: what the
   * previous build made, for a long-running preview ({@link Memo#NONE} for a one-off build).
   */
  Written write(Publication publication, FileSink sink, Memo memo) throws IOException;

  /**
   * Writes its files made of every advisory at once (zips, whole documents), which a preview makes
   * after its pages: the rest of {@link #write}'s. Most formats have none. {@code oneThread}: made
   * beside other work (a preview's next rebuild), so on this thread alone.
   */
  default Written writeBundles(Publication publication, FileSink sink, Memo memo, boolean oneThread)
      throws IOException {
    return Written.NONE;
  }

  /**
   * Writes every file, {@link #write}'s and {@link #writeBundles}', as a one-off build and an
   * export do; a format whose two share work does it once here.
   */
  default Written writeAll(Publication publication, FileSink sink, Memo memo) throws IOException {
    return write(publication, sink, memo).plus(writeBundles(publication, sink, memo, false));
  }
}
