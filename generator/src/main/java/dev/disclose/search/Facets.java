package dev.disclose.search;

import dev.disclose.plan.SearchDoc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code f.json}, one character per doc for each facet, from which the browser counts a result
 * set's facets; and what meta.json says of the facets.
 *
 * @param json the bytes of f.json
 * @param ecosystems the ecosystems, in the order f.json numbers them
 * @param minYear the earliest year, from which f.json counts the years; a doc of no known year
 *     counts as -1
 */
record Facets(byte[] json, List<String> ecosystems, int minYear) {
  /** The severities, in the order f.json numbers them; "" for none given. */
  static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "none", "");

  static Facets of(List<SearchDoc> docs) {
    TreeSet<String> ecosystems = new TreeSet<>();
    TreeSet<Integer> years = new TreeSet<>();
    for (SearchDoc d : docs) {
      ecosystems.addAll(d.ecosystems());
      if (d.year() != SearchDoc.NO_YEAR) years.add(d.year());
    }
    List<String> ecoList = List.copyOf(ecosystems);
    List<String> severities = SEVERITIES;
    int minYear = years.isEmpty() ? 0 : years.first();
    // Facets, one character per doc where possible: the doc's severity and its set of ecosystems
    // (few distinct sets on any site) combined into one letter of the 64-letter alphabet; years as
    // runs, since docs are numbered newest first.
    List<List<Integer>> combos = new ArrayList<>();
    List<Integer> comboOf = new ArrayList<>();
    for (SearchDoc d : docs) {
      List<Integer> set = d.ecosystems().stream().map(ecoList::indexOf).sorted().toList();
      int at = combos.indexOf(set);
      if (at < 0) {
        combos.add(set);
        at = combos.size() - 1;
      }
      comboOf.add(at);
    }
    Map<String, Object> facets = new LinkedHashMap<>();
    facets.put("c", combos);
    if (combos.size() * severities.size() <= SearchIndexWriter.ALPHABET.length()) {
      StringBuilder k = new StringBuilder();
      for (int n = 0; n < docs.size(); n++) {
        int sev = Math.max(0, severities.indexOf(docs.get(n).severity()));
        k.append(SearchIndexWriter.ALPHABET.charAt(sev * combos.size() + comboOf.get(n)));
      }
      facets.put("k", k.toString());
    } else {
      List<Integer> e = new ArrayList<>();
      StringBuilder sv = new StringBuilder();
      for (int n = 0; n < docs.size(); n++) {
        e.add(comboOf.get(n));
        sv.append(
            SearchIndexWriter.ALPHABET.charAt(
                Math.max(0, severities.indexOf(docs.get(n).severity()))));
      }
      facets.put("e", e);
      facets.put("s", sv.toString());
    }
    List<List<Integer>> yearRuns = new ArrayList<>();
    for (SearchDoc d : docs) {
      int offset = d.year() == SearchDoc.NO_YEAR ? -1 : d.year() - minYear;
      if (!yearRuns.isEmpty() && yearRuns.get(yearRuns.size() - 1).get(0) == offset) {
        List<Integer> last = yearRuns.remove(yearRuns.size() - 1);
        yearRuns.add(List.of(offset, last.get(1) + 1));
      } else {
        yearRuns.add(List.of(offset, 1));
      }
    }
    facets.put("y", yearRuns);
    return new Facets(SearchIndexWriter.json(facets), ecoList, minYear);
  }
}
