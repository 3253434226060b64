package dev.disclose.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.disclose.advisory.Advisory;
import dev.disclose.osv.OsvExporter;
import dev.disclose.osv.OsvImporter;
import dev.disclose.osv.OsvRecord;
import dev.disclose.plan.SearchDoc;
import dev.disclose.search.SearchIndexWriter;
import dev.disclose.severity.CvssScore;
import dev.disclose.urls.SiteUrls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the search index of a synthetic site of N advisories made from the real records in
 * ../shared/corpora (the Go vulnerability database, PyPA and RustSec), repeated with renamed IDs
 * and packages up to N. Used by bench/search-budget.sh; not a test.
 *
 * <p>Usage: SearchIndexBench CORPORA_DIR N OUT_DIR [PAGES_DIR]
 *
 * <p>With PAGES_DIR, also writes each doc as an advisory page ({@code advisories/<id>/index.html}:
 * its title, IDs, severity, packages, CWEs' words and text), for another search engine to index the
 * same site.
 */
public final class SearchIndexBench {
  public static void main(String[] args) throws Exception {
    Path corpora = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    long start = System.nanoTime();
    List<Advisory> real = read(corpora);
    List<SearchDoc> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Advisory a = real.get(i % real.size());
      int round = i / real.size();
      docs.add(doc(a, round));
    }
    // Newest first, as the site's catalog numbers them.
    docs.sort(Comparator.comparing(SearchDoc::published).reversed());
    Map<String, byte[]> files = SearchIndexWriter.write(docs);
    long bytes = 0;
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path p = out.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, f.getValue());
      bytes += f.getValue().length;
    }
    System.out.printf(
        "%d docs from %d real records: %d files, %.1f MB, in %.1f s%n",
        n, real.size(), files.size(), bytes / 1e6, (System.nanoTime() - start) / 1e9);
    if (args.length > 3) pages(docs, Path.of(args[3]));
  }

  /** Each doc as a plain advisory page, with what the search index holds of it. */
  static void pages(List<SearchDoc> docs, Path root) throws Exception {
    for (SearchDoc d : docs) {
      String html =
          "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>"
              + escape(d.id() + ": " + d.title())
              + "</title></head>\n<body>\n<main>\n<h1>"
              + escape(d.title())
              + "</h1>\n<p>"
              + escape(String.join(", ", d.ids()))
              + "</p>\n<p>"
              + escape(d.severityLabel() + " " + d.score())
              + "</p>\n<p>"
              + escape(d.packagesSummary() + " · " + d.published())
              + "</p>\n<p>"
              + escape(d.facts())
              + "</p>\n<div>"
              + escape(d.body()).replace("\n\n", "</p><p>")
              + "</div>\n</main>\n</body>\n</html>\n";
      Path page = root.resolve(d.path()).resolve("index.html");
      Files.createDirectories(page.getParent());
      Files.writeString(page, html);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * Round 0 is the record itself; later rounds rename its IDs and packages, so each doc is
   * distinct.
   */
  static SearchDoc doc(Advisory a, int round) {
    // The round goes in front: an ID's last characters pick its shard, and must stay as varied as
    // real IDs'.
    String prefix = round == 0 ? "" : "R" + round + "-";
    String suffix = round == 0 ? "" : "-r" + round;
    List<String> ids = new ArrayList<>();
    ids.add(prefix + a.id());
    for (String alias : a.aliases()) ids.add(prefix + alias);
    List<SearchDoc.PackageRef> packages =
        a.affected().stream()
            .map(p -> new SearchDoc.PackageRef(p.packageName() + suffix, p.ecosystem()))
            .distinct()
            .toList();
    String label = "";
    String score = "";
    String level = "";
    for (String v :
        Stream.of(a.severity().cvssV4(), a.severity().cvssV3())
            .flatMap(Optional::stream)
            .toList()) {
      try {
        CvssScore s = CvssScore.of(v);
        level = s.level().spelling();
        label = s.level().label();
        score = s.formattedScore();
        break;
      } catch (IllegalArgumentException e) {
        // not rated
      }
    }
    String summary =
        packages.stream()
            .map(p -> p.name() + " (" + p.ecosystem() + ")")
            .collect(Collectors.joining(", "));
    int year = a.effectivePublished().map(t -> t.date().getYear()).orElse(2020);
    return new SearchDoc(
        prefix + a.id(),
        a.title(),
        "advisories/" + prefix + a.id() + "/",
        label,
        score,
        summary,
        a.effectivePublished().map(t -> t.date().toString()).orElse(""),
        a.withdrawn().isPresent(),
        ids,
        packages,
        a.affected().stream().map(p -> p.ecosystem()).distinct().toList(),
        level,
        year,
        a.details() + "\n" + summary,
        SearchDoc.factWords(a.cwes(), level));
  }

  static List<Advisory> read(Path corpora) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    OsvExporter.Settings settings =
        new OsvExporter.Settings(new SiteUrls("https://example.org/"), "BENCH", true);
    List<Advisory> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpora)) {
      files =
          walk.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml"))
              .sorted()
              .toList();
    }
    for (Path f : files) {
      if (f.toString().contains("/rustsec/crates/")) continue;
      try {
        OsvRecord r =
            f.toString().endsWith(".json")
                ? OsvImporter.read(Files.readAllBytes(f))
                : json.readValue(
                    json.writeValueAsBytes(yaml.readTree(f.toFile())), OsvRecord.class);
        if (r.summary() == null && r.details() == null) continue;
        Advisory a = OsvImporter.toAdvisory(r, settings, f, f.getFileName().toString());
        if (a.title().isBlank()) {
          String d = a.details().strip();
          a = a.withTitle(d.length() > 90 ? d.substring(0, 90) : d);
        }
        out.add(a);
      } catch (Exception e) {
        // a record our bindings refuse is left out of the benchmark corpus
      }
    }
    return out;
  }
}
