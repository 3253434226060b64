package dev.disclose.plan;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.Catalog;
import dev.disclose.config.SiteConfig;
import dev.disclose.markdown.MarkdownRenderer;
import dev.disclose.markdown.SafeHtml;
import dev.disclose.memo.Memo;
import dev.disclose.plan.Views.EntryView;
import dev.disclose.plan.Views.RowView;
import dev.disclose.releases.Release;
import dev.disclose.releases.ReleaseFixes;
import dev.disclose.urls.SitePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The release pages: a page per release the site holds notes for, with the advisories it fixes, and
 * an index of them. A release fixes an advisory when one of the advisory's version ranges of that
 * package is fixed in it.
 */
final class ReleasePages {
  /** A release's notes sit under the page's "Release notes" h2: their headings start at h3. */
  static final int NOTES_TOP_LEVEL = 3;

  private final Memo memo;
  private final SiteConfig config;
  private final Catalog catalog;
  private final AdvisoryViews views;
  private final Function<Advisory, RowView> row;
  private final String base;

  /** {@code row}: each advisory as the release pages list the ones a release fixes. */
  ReleasePages(
      Memo memo,
      SiteConfig config,
      Catalog catalog,
      AdvisoryViews views,
      Function<Advisory, RowView> row) {
    this.memo = memo;
    this.config = config;
    this.catalog = catalog;
    this.views = views;
    this.row = row;
    this.base = config.baseUrl();
  }

  /**
   * Each release's page, then the index; none when site-config.yaml declares no release notes the
   * site holds.
   */
  List<PageSpec> pages() {
    List<PageSpec> pages = new ArrayList<>();
    if (!SitePlanner.hasReleaseNotes(config)) return pages;
    List<EntryView> entries = new ArrayList<>();
    ReleaseFixes fixed = ReleaseFixes.of(catalog.advisories());
    // Their Markdown in parallel, so that many release notes keep every core busy.
    List<Release> ordered = views.heldReleases();
    List<SafeHtml> notes =
        ordered.parallelStream()
            .map(
                r ->
                    memo.get(
                        SitePlanner.MARKDOWN,
                        "release\0" + r.source() + "\0" + r.line(),
                        r.notes(),
                        md ->
                            MarkdownRenderer.render(
                                md, r.source() + ":" + r.line(), NOTES_TOP_LEVEL)))
            .toList();
    for (int i = 0; i < ordered.size(); i++) {
      Release r = ordered.get(i);
      List<RowView> fixes = fixed.of(r).stream().map(row).toList();
      String path = SitePaths.release(r.ecosystem(), r.packageName(), r.version());
      String label = r.packageName() + " " + r.version();
      entries.add(
          new EntryView(label, path, fixes.size(), r.date().map(Object::toString).orElse("")));
      pages.add(
          page(
              path,
              "release",
              label + " release notes",
              new Views.ReleaseView(
                  r.packageName(),
                  r.ecosystem(),
                  SitePaths.packagePage(r.ecosystem(), r.packageName()),
                  r.version(),
                  r.date().map(Object::toString).orElse(""),
                  notes.get(i),
                  fixes,
                  r.source())));
    }
    pages.add(
        page(
            SitePaths.RELEASES,
            "releases",
            "Releases",
            new Views.IndexView(
                "Releases",
                "Release notes of the packages this project publishes, with the security fixes each release ships.",
                entries)));
    return pages;
  }

  private PageSpec page(String path, String template, String title, Record view) {
    return new PageSpec(path, template, title, view, base + path, true, Optional.empty());
  }
}
