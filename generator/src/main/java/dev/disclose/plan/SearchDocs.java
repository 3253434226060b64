package dev.disclose.plan;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.Catalog;
import dev.disclose.plan.Views.AdvisoryView;
import java.util.ArrayList;
import java.util.List;

/** Each advisory's search document, made of its page's view. */
final class SearchDocs {
  private SearchDocs() {}

  /**
   * What search finds an advisory by: its IDs, its title, and its text, package names, CWE names
   * keywords; and the words of its facts ({@link SearchDoc#factWords}).
   */
  static SearchDoc of(Advisory a, AdvisoryView v) {
    List<String> ids = new ArrayList<>();
    ids.add(a.id());
    ids.addAll(a.aliases());
    StringBuilder body = new StringBuilder(a.details());
    for (Views.AffectedView p : v.affected())
      body.append('\n').append(p.name()).append(' ').append(p.ecosystem());
    for (Views.CweView c : v.cwes()) body.append('\n').append(c.id()).append(' ').append(c.name());
    body.append('\n').append(String.join(" ", a.keywords()));
    List<String> ecosystems = a.affected().stream().map(p -> p.ecosystem()).distinct().toList();
    int year = Catalog.year(a).orElse(SearchDoc.NO_YEAR);
    return new SearchDoc(
        v.id(),
        v.title(),
        v.path(),
        v.severity().label(),
        v.severity().score(),
        v.packagesSummary(),
        v.published().isEmpty() ? "date unknown" : v.published(),
        v.withdrawn(),
        List.copyOf(ids),
        v.affected().stream().map(p -> new SearchDoc.PackageRef(p.name(), p.ecosystem())).toList(),
        ecosystems,
        v.severity().level(),
        year,
        body.toString(),
        SearchDoc.factWords(
            v.cwes().stream().map(Views.CweView::id).toList(), v.severity().level()));
  }
}
