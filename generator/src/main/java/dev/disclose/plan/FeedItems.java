package dev.disclose.plan;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Timestamp;
import dev.disclose.markdown.SafeHtml;
import dev.disclose.plan.Views.AdvisoryView;
import dev.disclose.text.Html;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each advisory as a feed item, made of its page's view: its page's facts, as text for the summary,
 * HTML for the content, and the fields tools read from the JSON Feed.
 */
final class FeedItems {
  private FeedItems() {}

  /**
   * One advisory as a feed item; {@code base}: the site's base URL, which the link to the
   * advisory's OSV record starts with.
   */
  static Feed.Item of(Advisory a, AdvisoryView v, Optional<Instant> lastCommit, String base) {
    Instant published = a.effectivePublished().map(Timestamp::instant).orElse(Instant.EPOCH);
    Instant updated = a.effectiveModified(lastCommit).map(Timestamp::instant).orElse(published);
    boolean withdrawn = a.withdrawn().isPresent();
    String title = a.id() + ": " + a.title() + (withdrawn ? " (withdrawn)" : "");

    List<String> summary = new ArrayList<>();
    StringBuilder html = new StringBuilder();
    if (withdrawn) {
      String line = "Withdrawn on " + v.withdrawnDate() + ": " + v.withdrawnReason();
      summary.add(line + ".");
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
      summary.add("Severity: " + rating + ".");
      html.append("<p><strong>Severity:</strong> ").append(Html.escape(rating)).append("</p>\n");
    }
    if (!v.informational().isEmpty()) summary.add(v.informational() + ".");
    if (!v.affected().isEmpty()) {
      html.append("<ul>\n");
      for (Views.AffectedView p : v.affected()) {
        String line =
            p.name()
                + " ("
                + p.ecosystem()
                + ")"
                + (p.ranges().isEmpty() ? "" : ": " + String.join("; ", p.ranges()))
                + (p.fixed().isEmpty() ? "" : "; fixed in " + String.join(", ", p.fixed()));
        summary.add(line + ".");
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
    return new Feed.Item(
        v.url(),
        title,
        v.url(),
        published,
        updated,
        String.join(" ", summary),
        new SafeHtml(html.toString()),
        categories.stream().distinct().toList(),
        a.credits().stream().map(c -> c.name()).toList(),
        machine);
  }
}
