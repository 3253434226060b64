package dev.disclose.csaf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Credit;
import dev.disclose.advisory.Informational;
import dev.disclose.advisory.Reference;
import dev.disclose.advisory.Withdrawal;
import dev.disclose.config.SiteConfig;
import dev.disclose.markdown.MarkdownText;
import dev.disclose.urls.SitePaths;
import dev.disclose.urls.SiteUrls;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Advisory → CSAF 2.0 document ({@code docs/site.md} describes it): a {@code
 * csaf_security_advisory} with the product tree and a vulnerability per CVE ID; a notice or an
 * unmaintained package as a {@code csaf_informational_advisory}, not being a vulnerability; a
 * withdrawn advisory as the CSAF 2.1 "Withdrawn" profile has it (category {@code Withdrawn}, the
 * reason in a note, no products or vulnerabilities), which CSAF 2.0 documents take as the base
 * profile and converters to 2.1 recognize. A pure function of the advisory, the site's settings and
 * the revisions.
 */
final class CsafDocument {
  /** What the documents need from the site: where it lives, who publishes, in which language. */
  record Settings(SiteUrls urls, String publisher, String idPrefix, String lang, String contact) {
    static Settings of(SiteConfig config) {
      return new Settings(
          config.urls(),
          config.title(),
          config.idPrefix(),
          config.languages().isEmpty() ? "en" : config.languages().get(0),
          config.securityContact());
    }

    /** The publisher's namespace: the origin of the site, {@code https://example.org}. */
    String namespace() {
      URI base = URI.create(urls.base());
      return base.getScheme() + "://" + base.getRawAuthority();
    }
  }

  /** The folder of the TLP:WHITE documents and their feed, in the format's folder. */
  static final String WHITE = "white/";

  static final String TLP_URL = "https://www.first.org/tlp/";

  /** The document category of a withdrawn advisory, the CSAF 2.1 profile's name. */
  static final String WITHDRAWN = "Withdrawn";

  static final String SECURITY_ADVISORY = "csaf_security_advisory";
  static final String INFORMATIONAL_ADVISORY = "csaf_informational_advisory";

  private CsafDocument() {}

  /**
   * Where {@code a}'s document goes in the format's folder: the TLP:WHITE folder, the year of its
   * initial release, its file name (requirements 2 and 11).
   */
  static String path(Advisory a, CsafRevisions revisions) {
    int year = revisions.initial().atZone(ZoneOffset.UTC).getYear();
    return WHITE + year + "/" + CsafJson.fileName(a.id());
  }

  /** The document's category for {@code a}. */
  static String category(Advisory a) {
    if (a.withdrawn().isPresent()) return WITHDRAWN;
    return a.informational().filter(i -> i != Informational.UNSOUND).isPresent()
        ? INFORMATIONAL_ADVISORY
        : SECURITY_ADVISORY;
  }

  /** The document's title: the advisory's, saying so when it is withdrawn. */
  static String title(Advisory a) {
    return category(a).equals(WITHDRAWN) ? "Withdrawn: " + a.title() : a.title();
  }

  /** The publisher, as in every document and in provider-metadata.json. */
  static ObjectNode publisher(Settings s) {
    return CsafJson.JSON
        .objectNode()
        .put("category", "vendor")
        .put("name", s.publisher())
        .put("namespace", s.namespace())
        .put("contact_details", "Security contact: " + s.contact());
  }

  /** The document of {@code a}, with the products of its affected packages. */
  static ObjectNode of(
      Advisory a, Settings s, CsafRevisions revisions, CsafProducts products, String path) {
    String category = category(a);
    ObjectNode csaf = CsafJson.JSON.objectNode();
    ObjectNode doc = csaf.putObject("document");
    doc.put("category", category);
    doc.put("csaf_version", "2.0");
    doc.putObject("distribution").putObject("tlp").put("label", "WHITE").put("url", TLP_URL);
    doc.put("lang", s.lang());
    doc.set("publisher", publisher(s));
    doc.put("title", title(a));
    doc.set("tracking", tracking(a, revisions));
    // A withdrawn advisory rates nothing: it was no vulnerability after all.
    if (!category.equals(WITHDRAWN))
      CsafVulnerabilities.level(a)
          .ifPresent(l -> doc.putObject("aggregate_severity").put("text", l.label()));
    ArrayNode acknowledgments = acknowledgments(a.credits());
    if (!acknowledgments.isEmpty()) doc.set("acknowledgments", acknowledgments);
    doc.set("references", references(a, s, path, category.equals(INFORMATIONAL_ADVISORY)));
    String details = MarkdownText.of(a.details());
    switch (category) {
      case WITHDRAWN -> {
        String reason = a.withdrawn().map(Withdrawal::reason).orElse("").strip();
        doc.putArray("notes")
            .add(
                note(
                    "description",
                    "Reasoning for Withdrawal",
                    details.isEmpty() ? reason : reason + "\n\n" + details));
      }
      case INFORMATIONAL_ADVISORY -> {
        doc.putArray("notes")
            .add(note("description", "Details", details.isEmpty() ? a.title() : details));
        // A user takes every product of an informational advisory as affected.
        if (!products.isEmpty()) csaf.set("product_tree", products.tree());
      }
      default -> {
        csaf.set("product_tree", products.tree());
        csaf.set("vulnerabilities", CsafVulnerabilities.of(a, s, revisions, products, details));
      }
    }
    return csaf;
  }

  private static ObjectNode tracking(Advisory a, CsafRevisions revisions) {
    ObjectNode t = CsafJson.JSON.objectNode();
    if (!a.aliases().isEmpty()) a.aliases().forEach(t.putArray("aliases")::add);
    t.put("current_release_date", CsafJson.time(revisions.current()));
    // No version: a document changes only when its advisory does, not with each release.
    t.putObject("generator").putObject("engine").put("name", "Disclose");
    t.put("id", a.id());
    t.put("initial_release_date", CsafJson.time(revisions.initial()));
    ArrayNode history = t.putArray("revision_history");
    for (CsafRevisions.Revision r : revisions.revisions()) {
      history
          .addObject()
          .put("date", CsafJson.time(r.date()))
          .put("number", Integer.toString(r.number()))
          .put("summary", r.summary());
    }
    t.put("status", "final");
    t.put("version", revisions.version());
    return t;
  }

  /**
   * The document itself (its canonical URL, section 6.2.11) and the advisory's page, then each of
   * its references once. An informational advisory needs an external reference: without one of its
   * own, its page is that.
   */
  private static ArrayNode references(Advisory a, Settings s, String path, boolean needsExternal) {
    ArrayNode out = CsafJson.JSON.arrayNode();
    out.add(reference("self", "Canonical URL", s.urls().url(SitePaths.CSAF + path)));
    Map<String, String> external = new LinkedHashMap<>();
    String page = s.urls().advisory(a.id());
    for (Reference r : a.references())
      if (!r.url().equals(page)) external.putIfAbsent(r.url(), summary(r.type()));
    out.add(
        reference(
            needsExternal && external.isEmpty() ? "external" : "self",
            a.id() + " on " + s.publisher(),
            page));
    external.forEach((url, summary) -> out.add(reference("external", summary, url)));
    return out;
  }

  /** What a reference of each OSV type is, in words. */
  static String summary(Reference.ReferenceType type) {
    return switch (type) {
      case ADVISORY -> "Advisory";
      case ARTICLE -> "Article";
      case DETECTION -> "Detection";
      case DISCUSSION -> "Discussion";
      case REPORT -> "Report";
      case FIX -> "Fix";
      case INTRODUCED -> "Change that introduced the vulnerability";
      case GIT -> "Source repository";
      case PACKAGE -> "Package";
      case EVIDENCE -> "Evidence";
      case WEB -> "Web page";
    };
  }

  /** Each person or tool credited, with the part they played. */
  private static ArrayNode acknowledgments(List<Credit> credits) {
    ArrayNode out = CsafJson.JSON.arrayNode();
    for (Credit c : credits) {
      ObjectNode ack = CsafJson.JSON.objectNode();
      ack.putArray("names").add(c.name().strip());
      c.type()
          .ifPresent(t -> ack.put("summary", t.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
      List<String> urls =
          c.contact().stream().filter(u -> u.startsWith("https://")).distinct().toList();
      if (!urls.isEmpty()) urls.forEach(ack.putArray("urls")::add);
      if (!contains(out, ack)) out.add(ack);
    }
    return out;
  }

  private static ObjectNode reference(String category, String summary, String url) {
    return CsafJson.JSON
        .objectNode()
        .put("category", category)
        .put("summary", summary)
        .put("url", url);
  }

  static ObjectNode note(String category, String title, String text) {
    return CsafJson.JSON
        .objectNode()
        .put("category", category)
        .put("title", title)
        .put("text", text);
  }

  static boolean contains(ArrayNode array, ObjectNode node) {
    for (int i = 0; i < array.size(); i++) if (array.get(i).equals(node)) return true;
    return false;
  }
}
