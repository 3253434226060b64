package dev.disclose.summary;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.advisory.Affected;
import dev.disclose.catalog.EmbargoPolicy;
import dev.disclose.load.AdvisoryReader;
import dev.disclose.load.Git;
import dev.disclose.load.SiteRoot;
import dev.disclose.report.TerminalText;
import dev.disclose.severity.CvssScore;
import dev.disclose.severity.Rating;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code disclose summary --since REF}: the advisories added, changed, withdrawn and removed under
 * {@code advisories/} since a git ref, as the Markdown of a GitHub job summary.
 *
 * <p>A job summary can be public while the advisory is not: an advisory that is not public ({@link
 * EmbargoPolicy}: a draft, or an embargo still running) is counted, never named — no ID, title or
 * package.
 */
public final class ChangeSummary {
  /** What happened to one advisory file. */
  public enum Change {
    ADDED,
    CHANGED,
    WITHDRAWN,
    REMOVED
  }

  /** One changed advisory as the summary shows it. */
  public record Entry(Change change, String file, Optional<Advisory> advisory, boolean withheld) {}

  /** Git or the ref failed; the message says what to do. */
  public static final class SummaryException extends Exception {
    public SummaryException(String message) {
      super(message);
    }
  }

  private ChangeSummary() {}

  /**
   * The advisory files changed between {@code ref} and the working tree of {@code site}: the
   * working tree's read as the load stage reads every advisory file, the ref's from git.
   */
  public static List<Entry> since(SiteRoot site, String ref, Instant now)
      throws SummaryException, IOException {
    Path root = site.root();
    AdvisoryReader reader = new AdvisoryReader(root, site.display());
    if (ref.startsWith("-")) throw new SummaryException("`" + ref + "` is not a git ref");
    Git.run(root, "rev-parse", "--is-inside-work-tree")
        .orElseThrow(
            () ->
                new SummaryException(
                    root + " is not in a git repository; summary compares with a git ref"));
    Git.run(root, "rev-parse", "--verify", "--quiet", ref + "^{commit}")
        .orElseThrow(
            () ->
                new SummaryException(
                    "`"
                        + ref
                        + "` is not a commit of this repository (with actions/checkout,"
                        + " fetch-depth: 0 fetches the history it needs)"));
    String diff =
        Git.run(
                root,
                "diff",
                "--relative",
                "--name-status",
                "-M",
                "--no-color",
                ref,
                "--",
                "advisories")
            .orElseThrow(() -> new SummaryException("git diff against `" + ref + "` failed"));
    String prefix = Git.run(root, "rev-parse", "--show-prefix").orElse("").strip();
    List<Entry> out = new ArrayList<>();
    for (String line : diff.split("\n")) {
      if (line.isBlank()) continue;
      String[] f = line.split("\t");
      String status = f[0];
      String oldPath = f[1];
      String newPath = f[f.length - 1];
      if (!newPath.endsWith(".md") && !oldPath.endsWith(".md")) continue;
      Optional<Advisory> before =
          status.startsWith("A")
              ? Optional.empty()
              : Git.run(root, "show", ref + ":" + prefix + oldPath)
                  .flatMap(text -> parse(text, oldPath));
      Optional<Advisory> after =
          status.startsWith("D") ? Optional.empty() : reader.read(root.resolve(newPath)).advisory();
      // git pairs a deleted file with an added one when their text is alike: two advisories, not
      // one.
      if (status.startsWith("R")
          && before.isPresent()
          && after.isPresent()
          && !before.get().id().equals(after.get().id())) {
        out.add(
            new Entry(Change.REMOVED, oldPath, before, !EmbargoPolicy.isPublic(before.get(), now)));
        out.add(new Entry(Change.ADDED, newPath, after, !EmbargoPolicy.isPublic(after.get(), now)));
        continue;
      }
      Change change;
      if (status.startsWith("D")) change = Change.REMOVED;
      else if (before.isEmpty()) change = Change.ADDED;
      else if (after.map(EmbargoPolicy::isWithdrawn).orElse(false)
          && !before.map(EmbargoPolicy::isWithdrawn).orElse(false)) {
        change = Change.WITHDRAWN;
      } else change = Change.CHANGED;
      Optional<Advisory> shown = after.or(() -> before);
      // Withheld unless public now; a removed file is withheld unless it was public.
      boolean withheld = shown.map(a -> !EmbargoPolicy.isPublic(a, now)).orElse(true);
      out.add(new Entry(change, newPath, shown, withheld));
    }
    return out;
  }

  /** The job summary's Markdown, advisories that are not public counted, never named. */
  public static String markdown(List<Entry> entries, String ref) {
    return markdown(entries, ref, true);
  }

  /**
   * The job summary's Markdown; unless {@code redact} (a private repository's {@code redact_logs:
   * false}), advisories that are not public are named too, marked so.
   */
  public static String markdown(List<Entry> entries, String ref, boolean redact) {
    StringBuilder md =
        new StringBuilder("## Advisories changed since `").append(shortRef(ref)).append("`\n\n");
    if (entries.isEmpty())
      return md.append("No advisory was added, changed or removed.\n").toString();
    Predicate<Entry> named = e -> !e.withheld() || (!redact && e.advisory().isPresent());
    long withheld = entries.stream().filter(named.negate()).count();
    for (Change c : Change.values()) {
      List<Entry> group = entries.stream().filter(e -> e.change() == c && named.test(e)).toList();
      if (group.isEmpty()) continue;
      md.append("### ")
          .append(
              switch (c) {
                case ADDED -> "Added";
                case CHANGED -> "Changed";
                case WITHDRAWN -> "Withdrawn";
                case REMOVED -> "Removed";
              })
          .append(" (")
          .append(group.size())
          .append(")\n\n");
      md.append("| ID | Title | Severity | Packages |\n|---|---|---|---|\n");
      for (Entry e : group) {
        Advisory a = e.advisory().get();
        md.append("| ")
            .append(inert(a.id()))
            .append(" | ")
            .append(e.withheld() ? "NOT PUBLIC: " : "")
            .append(inert(a.title()))
            .append(" | ")
            .append(severity(a))
            .append(" | ")
            .append(packages(a))
            .append(" |\n");
      }
      md.append('\n');
    }
    if (withheld > 0) {
      md.append(
              withheld == 1
                  ? "1 advisory that is not public (a draft, or under embargo) changed"
                  : withheld + " advisories that are not public (drafts, or under embargo) changed")
          .append("; details withheld until publication.\n");
    }
    return md.toString();
  }

  static String severity(Advisory a) {
    Optional<String> level =
        Rating.of(a.severity())
            .map(l -> l.name().charAt(0) + l.name().substring(1).toLowerCase(Locale.ROOT));
    Optional<String> score =
        a.severity()
            .primaryVector()
            .flatMap(
                v -> {
                  try {
                    CvssScore s = CvssScore.of(v);
                    return Optional.of(
                        String.format(
                            Locale.ROOT, "%.1f (CVSS %s)", s.baseScore(), s.versionLabel()));
                  } catch (IllegalArgumentException e) {
                    return Optional.empty();
                  }
                });
    if (level.isPresent() && score.isPresent()) return level.get() + " " + score.get();
    return level.or(() -> score).orElse("—");
  }

  /** Each package as {@code name (Ecosystem)}, the names and ecosystems as written made inert. */
  static String packages(Advisory a) {
    List<String> names = new ArrayList<>();
    for (Affected p : a.affected())
      names.add(inert(p.packageName()) + " (" + inert(p.ecosystem()) + ")");
    return names.isEmpty() ? "—" : String.join(", ", names.stream().distinct().toList());
  }

  /** Markdown's punctuation that makes links, images, emphasis, code, math or table cells. */
  private static final String MARKDOWN_PUNCTUATION = "\\`*_[]()!|~$";

  /**
   * Untrusted text as Markdown that shows it as it is, in a table cell: the job summary is public
   * and rendered for whoever opens it, so an image or HTML from a pull request would load from its
   * author's server (a tracking pixel). Punctuation is backslash-escaped, {@code & < >} are
   * entities, line breaks cannot end the row, and controls are escapes (the summary is printed
   * too).
   */
  static String inert(String text) {
    String line = TerminalText.visible(text.replaceAll("[\\r\\n]+", " ")).strip();
    StringBuilder b = new StringBuilder(line.length() + 16);
    for (char c : line.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        default -> {
          if (MARKDOWN_PUNCTUATION.indexOf(c) >= 0) b.append('\\');
          b.append(c);
        }
      }
    }
    return b.toString();
  }

  private static String shortRef(String ref) {
    return ref.matches("[0-9a-f]{40}")
        ? ref.substring(0, 12)
        : TerminalText.visible(ref.replace("`", ""));
  }

  private static Optional<Advisory> parse(String text, String path) {
    return AdvisoryParser.parse(text, Path.of(path), path).advisory();
  }
}
