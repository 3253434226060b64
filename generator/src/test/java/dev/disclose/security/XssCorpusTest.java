package dev.disclose.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OWASP's XSS cheat-sheet vectors in every free-text field an advisory has (title, details,
 * credits, keywords, a withdrawal reason) and in the security policy page: no page type and no feed
 * of the built site carries executable markup.
 */
class XssCorpusTest {
  @TempDir Path temp;

  @Test
  void noPageAndNoFeedCarriesExecutableMarkup() throws Exception {
    List<String> vectors =
        Files.readAllLines(Path.of("src/test/resources/xss/vectors.txt")).stream()
            .filter(l -> !l.isBlank())
            .toList();
    Path site = temp.resolve("site");
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    Files.writeString(
        site.resolve("docs/policy.md"),
        Files.readString(site.resolve("docs/policy.md"))
            + "\n\n"
            + String.join("\n\n", vectors)
            + "\n");
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
    for (int n = 0; n < 2; n++) {
      Map<String, Object> fm = new LinkedHashMap<>();
      String id = "FIX-2025-00" + (10 + n);
      fm.put("id", id);
      fm.put("title", "Title " + String.join(" ", vectors.subList(n * 5, n * 5 + 5)));
      fm.put("published", "2025-07-0" + (n + 1));
      if (n == 1) {
        fm.put("status", "withdrawn");
        fm.put(
            "withdrawn",
            Map.of("date", "2025-07-09", "reason", String.join(" ", vectors.subList(0, 6))));
      }
      fm.put("severity", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
      fm.put("keywords", vectors.subList(10, 14));
      fm.put(
          "affected",
          List.of(
              Map.of(
                  "ecosystem",
                  "npm",
                  "package",
                  "@example/proxy",
                  "ranges",
                  List.of(Map.of("introduced", "0.4.0", "fixed", "0.4.1")))));
      List<Object> credits = new ArrayList<>();
      for (String v : vectors.subList(14, 18)) credits.add(Map.of("name", v, "type", "FINDER"));
      fm.put("credits", credits);
      String text =
          "---\n" + yaml.writeValueAsString(fm) + "---\n" + String.join("\n\n", vectors) + "\n";
      Files.writeString(site.resolve("advisories/2025/" + id + ".md"), text);
    }
    CliRun run = CliRun.in(site, "build", "--now", "2025-12-01T00:00:00Z");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    Path out = site.resolve("_site");

    List<String> problems = new ArrayList<>();
    int pages = 0;
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Document doc = Jsoup.parse(Files.readString(f));
        check(out.relativize(f).toString(), doc, problems, true);
        pages++;
      }
    }
    int items = 0;
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().matches("feed\\.xml|atom\\.xml")).toList()) {
        for (SyndEntry e : new SyndFeedInput().build(new XmlReader(f.toFile())).getEntries()) {
          check(
              out.relativize(f) + " " + e.getTitle(),
              Jsoup.parseBodyFragment(e.getContents().get(0).getValue()),
              problems,
              false);
          items++;
        }
      }
      for (Path f :
          Files.walk(out).filter(p -> p.getFileName().toString().equals("feed.json")).toList()) {
        for (JsonNode item : new ObjectMapper().readTree(f.toFile()).path("items")) {
          check(
              out.relativize(f) + " " + item.path("id").asText(),
              Jsoup.parseBodyFragment(item.path("content_html").asText()),
              problems,
              false);
          items++;
        }
      }
    }
    assertThat(pages).isGreaterThan(20);
    assertThat(items).isGreaterThanOrEqualTo(20);
    assertThat(problems).isEmpty();
    // The vectors are there, as text: escaped, not dropped wholesale.
    assertThat(
            Jsoup.parse(Files.readString(out.resolve("advisories/FIX-2025-0010/index.html")))
                .selectFirst("h1")
                .text())
        .contains("<script>alert('XSS')</script>");
  }

  private static void check(String where, Document doc, List<String> problems, boolean page) {
    for (Element e : doc.getAllElements()) {
      String tag = e.tagName().toLowerCase(Locale.ROOT);
      // What the theme itself puts there: the search module, the stylesheets, icon and feed links,
      // the
      // search forms, metadata, an alias's redirect to a relative page, the Response page's charts.
      boolean ours =
          page
              && ((tag.equals("script")
                      && e.attr("type").equals("module")
                      && e.attr("src").endsWith("assets/search/ui.js"))
                  || (tag.equals("link")
                      && (e.attr("href").endsWith("assets/style.css")
                          || e.attr("href").endsWith("assets/search/search.css")
                          || (e.attr("rel").equals("icon")
                              && e.attr("href").endsWith("assets/favicon.svg"))
                          || e.attr("rel").equals("alternate")
                          || e.attr("rel").equals("canonical")))
                  || (tag.equals("form")
                      && (e.hasClass("site-search") || e.id().equals("search-form")))
                  || (tag.equals("input")
                      && (e.id().equals("site-search-q") || e.id().equals("search-input")))
                  || (tag.equals("meta")
                      && (!e.attr("http-equiv").equalsIgnoreCase("refresh")
                          || e.attr("content").matches("0; url=[^:]*")))
                  || (tag.equals("svg") && e.hasClass("chart"))
                  || e.parents().stream()
                      .anyMatch(x -> x.tagName().equals("svg") && x.hasClass("chart")));
      if (!ours
          && List.of(
                  "script",
                  "iframe",
                  "object",
                  "embed",
                  "frame",
                  "frameset",
                  "base",
                  "link",
                  "style",
                  "form",
                  "meta",
                  "svg",
                  "math",
                  "input",
                  "video",
                  "audio",
                  "source",
                  "textarea")
              .contains(tag)) {
        problems.add(
            where
                + ": <"
                + tag
                + "> "
                + e.outerHtml().substring(0, Math.min(80, e.outerHtml().length())));
      }
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        String value = a.getValue().replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("on"))
          problems.add(where + ": event handler " + name + " on <" + tag + ">");
        if (name.equals("style")) problems.add(where + ": inline style on <" + tag + ">");
        if (List.of(
                    "href",
                    "src",
                    "action",
                    "formaction",
                    "background",
                    "data",
                    "xlink:href",
                    "poster")
                .contains(name)
            && (value.startsWith("javascript:")
                || value.startsWith("vbscript:")
                || value.startsWith("data:"))) {
          problems.add(where + ": " + name + "=" + a.getValue() + " on <" + tag + ">");
        }
      }
    }
  }
}
