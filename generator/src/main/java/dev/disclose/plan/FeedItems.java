package dev.disclose.plan;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Timestamp;
import dev.disclose.markdown.SafeHtml;
import dev.disclose.plan.Views.AdvisoryView;
import dev.disclose.text.Html;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Each advisory as a feed item, made of its page's view: its page's facts, as text for the summary,
 * HTML for the content, and the fields tools read from the JSON Feed.
 */
final class FeedItems {
  private FeedItems() {}

  /**
   * The most affected packages whose feeds carry an advisory in full: past it, each package's feed
   * carries the advisory's lines for that package and a link, so a package feed's size follows the
   * input rather than the input times its number of packages.
   */
  static final int FULL_IN_PACKAGE_FEEDS = 10;

  /** An affected package in words: its name, ecosystem, ranges and fixed versions. */
  private static String line(Views.AffectedView p) {
    return p.name()
        + " ("
        + p.ecosystem()
        + ")"
        + (p.ranges().isEmpty() ? "" : ": " + String.join("; ", p.ranges()))
        + (p.fixed().isEmpty() ? "" : "; fixed in " + String.join(", ", p.fixed()));
  }

  /**
   * {@code text} as a sentence of the summary: with a full stop, unless it ends in one (or in "!"
   * or "?") already, as a withdrawal's reason written as a sentence does.
   */
  static String sentence(String text) {
    String t = text.strip();
    return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
  }

  /**
   * The item of the feed of the package whose page is {@code packagePath}: the advisory's {@code
   * full} item, or past {@link #FULL_IN_PACKAGE_FEEDS} packages, its title, severity, that
   * package's lines and a link to the advisory.
   */
  static Feed.Item forPackage(Feed.Item full, AdvisoryView v, String packagePath) {
    if (v.affected().size() <= FULL_IN_PACKAGE_FEEDS) return full;
    List<Views.AffectedView> own =
        v.affected().stream().filter(p -> p.packagePath().equals(packagePath)).toList();
    List<String> summary = new ArrayList<>();
    Views.SeverityView sev = v.severity();
    if (sev.isRated()) summary.add(sentence("Severity: " + sev.label()));
    own.forEach(p -> summary.add(sentence(line(p))));
    summary.add(
        "One of "
            + v.affected().size()
            + " affected packages: the advisory names the others and has the details.");
    String text = String.join(" ", summary);
    String html =
        "<p>"
            + Html.escape(text)
            + "</p>\n<p><a href=\""
            + Html.escape(full.url())
            + "\">Read the advisory</a></p>\n";
    List<String> categories = new ArrayList<>();
    own.forEach(p -> categories.add(p.ecosystem()));
    own.forEach(p -> categories.add(p.name()));
    if (sev.isRated()) categories.add(sev.label());
    Set<String> ownKeys = new HashSet<>();
    own.forEach(p -> ownKeys.add(p.ecosystem() + "\0" + p.name()));
    Feed.Machine m = full.machine();
    return new Feed.Item(
        full.id(),
        full.title(),
        full.url(),
        full.published(),
        full.updated(),
        text,
        new SafeHtml(html),
        categories.stream().distinct().toList(),
        List.of(),
        new Feed.Machine(
            m.advisoryId(),
            m.aliases(),
            m.severity(),
            m.score(),
            m.vector(),
            m.affected().stream()
                .filter(p -> ownKeys.contains(p.ecosystem() + "\0" + p.name()))
                .toList(),
            m.osvUrl(),
            m.withdrawn()));
  }

  /**
   * One advisory as a feed item; {@code base}: the site's base URL, which the link to the
   * advisory's OSV record starts with. Empty when no date of it is known, since every feed item
   * needs one: an advisory whose publication date is unknown is an item dated by its last change
   * (its {@code modified}, or its file's last commit), and without either it is left out.
   */
  static Optional<Feed.Item> of(
      Advisory a, AdvisoryView v, Optional<Instant> lastCommit, String base) {
    Optional<Instant> published = a.effectivePublished().map(Timestamp::instant);
    Optional<Instant> changed =
        a.effectiveModified(lastCommit).map(Timestamp::instant).or(() -> published);
    if (changed.isEmpty()) return Optional.empty();
    Instant updated = changed.get();
    boolean withdrawn = a.withdrawn().isPresent();
    String title = a.id() + ": " + a.title() + (withdrawn ? " (withdrawn)" : "");

    List<String> summary = new ArrayList<>();
    StringBuilder html = new StringBuilder();
    if (withdrawn) {
      String line = "Withdrawn on " + v.withdrawnDate() + ": " + v.withdrawnReason();
      summary.add(sentence(line));
      html.append("<p><strong>")
          .append(Html.escape("Withdrawn on " + v.withdrawnDate()))
          .append(":</strong> ")
          .append(Html.escape(v.withdrawnReason()))
          .append("</p>\n");
    }
    Views.SeverityView sev = v.severity();
    if (sev.isRated()) {
      String rating =
          sev.label()
              + (sev.score().isEmpty() ? "" : " " + sev.score())
              + (sev.version().isEmpty() ? "" : " (" + sev.version() + ")");
      summary.add(sentence("Severity: " + rating));
      html.append("<p><strong>Severity:</strong> ").append(Html.escape(rating)).append("</p>\n");
    }
    if (!v.informational().isEmpty()) summary.add(sentence(v.informational()));
    if (!v.affected().isEmpty()) {
      html.append("<ul>\n");
      for (Views.AffectedView p : v.affected()) {
        String line = line(p);
        summary.add(sentence(line));
        html.append("<li>").append(Html.escape(line)).append("</li>\n");
      }
      html.append("</ul>\n");
    }
    html.append(v.details().html());

    List<String> categories = new ArrayList<>();
    a.affected().stream().map(p -> p.ecosystem()).distinct().forEach(categories::add);
    a.affected().stream().map(p -> p.packageName()).distinct().forEach(categories::add);
    if (sev.isRated()) categories.add(sev.label());
    categories.addAll(a.cwes());
    if (!v.informational().isEmpty()) categories.add(v.informational());
    if (withdrawn) categories.add("Withdrawn");

    Feed.Machine machine =
        new Feed.Machine(
            a.id(),
            a.aliases(),
            sev.level(),
            sev.score(),
            sev.vector(),
            v.affected().stream()
                .map(
                    p -> new Feed.Package(p.ecosystem(), p.name(), p.purl(), p.ranges(), p.fixed()))
                .toList(),
            base + v.osvPath(),
            withdrawn ? v.withdrawnDate() : "");
    return Optional.of(
        new Feed.Item(
            v.url(),
            title,
            v.url(),
            published,
            updated,
            String.join(" ", summary),
            new SafeHtml(html.toString()),
            categories.stream().distinct().toList(),
            a.credits().stream().map(c -> c.name()).toList(),
            machine));
  }
}
