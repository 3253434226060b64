package dev.disclose.plan;

import dev.disclose.markdown.SafeHtml;
import dev.disclose.severity.CvssBreakdown;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What templates see: plain, pre-formatted values (strings, booleans, lists), never the raw model
 * or YAML. Links are root-relative paths (templates prefix them with {@code root}) or absolute
 * http(s) URLs. Empty strings and lists stand for "absent".
 */
public final class Views {
  private Views() {}

  /**
   * The site as every page shows it; {@code feeds}: the feed formats it publishes, {@code formats}:
   * the names of every output format it publishes, for the links to them.
   */
  public record SiteView(
      String title,
      String description,
      String baseUrl,
      String securityContact,
      boolean hasPolicy,
      String repository,
      boolean hasReleases,
      boolean preview,
      List<Feed.Kind> feeds,
      Set<String> formats) {
    public SiteView {
      feeds = List.copyOf(feeds);
      formats = Set.copyOf(formats);
    }
  }

  /** A link: {@code href} is a root-relative path when {@code internal}, else absolute. */
  public record LinkView(String text, String href, boolean internal) {
    public static LinkView plain(String text) {
      return new LinkView(text, "", false);
    }

    public boolean hasHref() {
      return !href.isEmpty();
    }
  }

  /** A severity: the primary rating, its vector in words, and any further vectors. */
  public record SeverityView(
      String level,
      String label,
      String score,
      String version,
      String vector,
      List<CvssBreakdown.Metric> metrics,
      List<VectorView> otherVectors) {
    public boolean isRated() {
      return !level.isEmpty();
    }
  }

  public record VectorView(String version, String vector, String score, String label) {}

  /**
   * {@code fixedLinks}: each fixed version linked to its release notes where the site knows them;
   * {@code releaseNotes}: those the site knows notes of; {@code advice}: what a user of the package
   * does ("Upgrade to 0.7.2 or later"); {@code fixedIn}: where the fix is, as a list's row says it;
   * {@code affectedSummary}: the affected ranges, or versions, on one line.
   */
  public record AffectedView(
      String ecosystem,
      String name,
      String packagePath,
      String purl,
      List<String> ranges,
      List<String> fixed,
      List<LinkView> fixedLinks,
      List<String> versions,
      List<String> functions,
      List<String> os,
      List<String> arch,
      String advice,
      String fixedIn,
      String affectedSummary,
      List<LinkView> releaseNotes) {}

  /** A release's page: its notes and the advisories it fixes. */
  public record ReleaseView(
      String packageName,
      String ecosystem,
      String packagePath,
      String version,
      String date,
      SafeHtml notes,
      List<RowView> fixes,
      String sourcePath) {}

  public record CweView(String id, String name, String href) {}

  public record ReferenceView(String type, String url) {}

  public record CreditView(String name, String type, List<String> contacts) {}

  public record StepView(String label, String date, String daysAfterReport) {}

  /**
   * Everything an advisory page shows; lists show {@link RowView}s. {@code description}: the page's
   * description for search results and link previews.
   */
  public record AdvisoryView(
      String id,
      String title,
      String description,
      String path,
      String url,
      String status,
      boolean withdrawn,
      String withdrawnDate,
      String withdrawnReason,
      String informational,
      String published,
      String modified,
      SeverityView severity,
      List<LinkView> aliases,
      List<LinkView> related,
      List<LinkView> upstream,
      List<AffectedView> affected,
      String packagesSummary,
      List<CweView> cwes,
      List<String> keywords,
      List<ReferenceView> references,
      List<CreditView> credits,
      List<StepView> timeline,
      SafeHtml details,
      String osvPath,
      String editUrl,
      String sourcePath,
      List<SimilarView> similar,
      String banner,
      Optional<ImportedView> importedFrom) {}

  /** The record an imported advisory came from: its database and its ID there, linked. */
  public record ImportedView(String database, LinkView record) {}

  /**
   * An advisory as lists show it (the home page, a package's, an ecosystem's, a year's, a
   * severity's, a release's fixes): its page's view without the details and the similar advisories.
   * A list is rendered again only when a row changes, so an edit of an advisory's text, or new
   * similar advisories, render its own page, not every list of thousands holding it.
   */
  public record RowView(
      String id,
      String title,
      String path,
      String url,
      String status,
      boolean withdrawn,
      String withdrawnDate,
      String withdrawnReason,
      String informational,
      String published,
      String modified,
      SeverityView severity,
      List<LinkView> aliases,
      List<LinkView> related,
      List<LinkView> upstream,
      List<AffectedView> affected,
      String packagesSummary,
      List<CweView> cwes,
      List<String> keywords,
      List<ReferenceView> references,
      List<CreditView> credits,
      List<StepView> timeline,
      String osvPath,
      String editUrl,
      String sourcePath,
      String banner) {
    public static RowView of(AdvisoryView v) {
      return new RowView(
          v.id(),
          v.title(),
          v.path(),
          v.url(),
          v.status(),
          v.withdrawn(),
          v.withdrawnDate(),
          v.withdrawnReason(),
          v.informational(),
          v.published(),
          v.modified(),
          v.severity(),
          v.aliases(),
          v.related(),
          v.upstream(),
          v.affected(),
          v.packagesSummary(),
          v.cwes(),
          v.keywords(),
          v.references(),
          v.credits(),
          v.timeline(),
          v.osvPath(),
          v.editUrl(),
          v.sourcePath(),
          v.banner());
    }
  }

  /** An advisory like this one (same package, weakness or wording), found at build time. */
  public record SimilarView(String id, String title, String path) {}

  /** An entry of an index page (a package, an ecosystem, a year, a severity). */
  public record EntryView(String label, String path, int count, String note) {}

  /**
   * A page listing advisories; {@code packagePath}: on a package's page, the package's, whose
   * affected versions the rows show without naming it, else empty.
   */
  public record ListView(
      String heading,
      String intro,
      List<RowView> advisories,
      List<EntryView> related,
      String packagePath) {}

  /** A page listing entries (all packages, ecosystems, years). */
  public record IndexView(String heading, String intro, List<EntryView> entries) {}

  /** The home page: the newest advisories and the ways to narrow them. */
  public record HomeView(
      List<RowView> latest,
      int total,
      List<EntryView> ecosystems,
      List<EntryView> severities,
      List<EntryView> years) {}

  /** A prose page rendered from Markdown (the security policy). */
  public record ProseView(String heading, SafeHtml html) {}

  /** The Subscribe page: every feed of the site, and the formats of a package's. */
  public record FeedsView(List<FeedView> feeds, List<Feed.Kind> packageKinds) {}

  /** One feed: what it follows, the folder of its files, what it holds, and its formats. */
  public record FeedView(String label, String path, String holds, List<Feed.Kind> kinds) {}

  /** A redirect from an alias to its advisory. */
  public record RedirectView(String alias, String id, String targetPath, String targetUrl) {}
}
