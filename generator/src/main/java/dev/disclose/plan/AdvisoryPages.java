package dev.disclose.plan;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Timestamp;
import dev.disclose.catalog.Catalog;
import dev.disclose.load.LastCommitTimes;
import dev.disclose.markdown.MarkdownRenderer;
import dev.disclose.markdown.SafeHtml;
import dev.disclose.memo.Memo;
import dev.disclose.memo.Memo.Slot;
import dev.disclose.plan.Views.AdvisoryView;
import dev.disclose.plan.Views.RowView;
import dev.disclose.urls.SitePaths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The advisory pages: each advisory's view, its page and its aliases' redirects, and the row lists
 * show and the search document, both made of the view. All made through the memo, so what an
 * unchanged advisory shows keeps its instances.
 */
final class AdvisoryPages {
  /** The details sit under the page's "Details" h2: their own headings start at h3. */
  static final int DETAILS_TOP_LEVEL = 3;

  static final Slot<ViewInput, AdvisoryView> VIEW = new Slot<>("advisory view");
  static final Slot<AdvisoryView, RowView> ROW = new Slot<>("advisory row");
  static final Slot<MadeOfView, SearchDoc> SEARCH_DOC = new Slot<>("search document");
  static final Slot<PagesInput, List<PageSpec>> ADVISORY_PAGES =
      new Slot<>("advisory page and redirects");

  /** What an advisory's view is made of. */
  record ViewInput(
      Advisory advisory,
      AdvisoryViews.Context context,
      Optional<Instant> lastCommit,
      List<String> similar,
      SafeHtml details) {}

  /** What is made of an advisory and its view alone. */
  record MadeOfView(Advisory advisory, AdvisoryView view) {}

  /** What an advisory's page and its aliases' redirects are made of. */
  record PagesInput(
      Advisory advisory,
      AdvisoryView view,
      Optional<Instant> lastModified,
      List<Boolean> aliasTaken,
      String base) {}

  private final Memo memo;
  private final Catalog catalog;
  private final LastCommitTimes commits;
  private final AdvisoryViews views;
  private final String base;

  // By instance: looked up once per list an advisory is in.
  private final Map<Advisory, AdvisoryView> viewOf = new IdentityHashMap<>();
  private final Map<Advisory, RowView> rowOf = new IdentityHashMap<>();

  private final List<SearchDoc> searchDocs = new ArrayList<>();

  /**
   * Makes every advisory's view, row and search document; {@code similar}: each advisory's similar
   * advisories, as {@link SitePlanner#similar} finds them.
   */
  AdvisoryPages(
      Memo memo,
      Catalog catalog,
      LastCommitTimes commits,
      AdvisoryViews views,
      Map<String, List<String>> similar) {
    this.memo = memo;
    this.catalog = catalog;
    this.commits = commits;
    this.views = views;
    this.base = views.context().config().baseUrl();
    List<AdvisoryView> built = advisoryViews(similar);
    for (int i = 0; i < built.size(); i++) viewOf.put(catalog.advisories().get(i), built.get(i));
    for (Advisory a : catalog.advisories()) {
      AdvisoryView v = viewOf.get(a);
      // Lists hold rows, which an edit of an advisory's text leaves equal (see RowView).
      rowOf.put(a, memo.get(ROW, a.id(), v, RowView::of));
      searchDocs.add(memo.get(SEARCH_DOC, a.id(), new MadeOfView(a, v), in -> SearchDocs.of(a, v)));
    }
  }

  /** The view of an advisory of the catalog. */
  AdvisoryView view(Advisory a) {
    return viewOf.get(a);
  }

  /** An advisory of the catalog as lists show it. */
  RowView row(Advisory a) {
    return rowOf.get(a);
  }

  /** Every advisory's search document, in catalog order. */
  List<SearchDoc> searchDocs() {
    return searchDocs;
  }

  /**
   * An advisory's page and its aliases' redirects: the same instances while what they show is
   * unchanged.
   */
  List<PageSpec> pages(Advisory a) {
    AdvisoryView v = viewOf.get(a);
    Optional<Instant> lastmod = a.effectiveModified(lastCommit(a)).map(Timestamp::instant);
    // An alias two advisories claim (I004) redirects to the catalog's first, the most recently
    // published: one page, whichever order the pages are written in.
    List<Boolean> taken =
        a.aliases().stream()
            .map(alias -> catalog.byId(alias).isPresent() || catalog.byAlias(alias).orElse(a) != a)
            .toList();
    return memo.get(
        ADVISORY_PAGES,
        a.id(),
        new PagesInput(a, v, lastmod, taken, base),
        in -> {
          List<PageSpec> own = new ArrayList<>();
          own.add(
              new PageSpec(
                  v.path(),
                  "advisory",
                  a.id() + ": " + a.title(),
                  v,
                  base + v.path(),
                  true,
                  lastmod));
          for (int i = 0; i < a.aliases().size(); i++) {
            String alias = a.aliases().get(i);
            if (!SitePaths.isSafeSegment(alias) || taken.get(i)) continue;
            String path = SitePaths.advisory(alias);
            own.add(
                new PageSpec(
                    path,
                    "redirect",
                    alias + " → " + a.id(),
                    new Views.RedirectView(alias, a.id(), v.path(), v.url()),
                    v.url(),
                    false,
                    Optional.empty()));
          }
          return List.copyOf(own);
        });
  }

  private Optional<Instant> lastCommit(Advisory a) {
    return commits.of(a.source().relativePath());
  }

  /**
   * Every advisory's view, in catalog order; made in parallel, since rendering Markdown dominates
   * and the views are independent.
   */
  private List<AdvisoryView> advisoryViews(Map<String, List<String>> similar) {
    return catalog.advisories().parallelStream()
        .map(
            a -> {
              List<String> similarIds = similar.getOrDefault(a.id(), List.of());
              // Rendered before the view is looked up: kept in use while the view is unchanged.
              SafeHtml details =
                  memo.get(
                      SitePlanner.MARKDOWN,
                      a.id(),
                      a.details(),
                      md ->
                          MarkdownRenderer.render(
                              md,
                              a.source().relativePath() + ":" + a.source().detailsLine(),
                              DETAILS_TOP_LEVEL));
              return memo.get(
                  VIEW,
                  a.id(),
                  new ViewInput(a, views.context(), lastCommit(a), similarIds, details),
                  in -> views.view(a, in.lastCommit(), in.details(), in.similar()));
            })
        .toList();
  }
}
