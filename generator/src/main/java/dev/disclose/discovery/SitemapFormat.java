package dev.disclose.discovery;

import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.plan.Publication;
import dev.disclose.plan.SitemapEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code sitemap.xml}: every page search engines should index, by URL, with its last modification
 * where known. A site of more pages than one sitemap may list gets a sitemap index there instead,
 * naming {@code sitemap-1.xml}, {@code sitemap-2.xml}… in URL order.
 */
public final class SitemapFormat implements OutputFormat {
  /** Its name, which robots.txt asks for before naming the sitemap. */
  public static final String NAME = "sitemap";

  /** The sitemap protocol's limit of URLs in one file. */
  static final int MAX_URLS = 50_000;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String folder() {
    return "";
  }

  @Override
  public String summary() {
    return "sitemap.xml: every page search engines should index.";
  }

  @Override
  public boolean readsPlan() {
    return true;
  }

  @Override
  public Written write(Publication publication, FileSink sink, Memo memo) throws IOException {
    return write(publication.sitemap(), publication.config().baseUrl(), sink, MAX_URLS);
  }

  static Written write(List<SitemapEntry> entries, String baseUrl, FileSink sink, int maxUrls)
      throws IOException {
    List<SitemapEntry> sorted =
        entries.stream().sorted(Comparator.comparing(SitemapEntry::url)).toList();
    if (sorted.size() <= maxUrls) {
      sink.put("sitemap.xml", new Entries(sorted), SitemapFormat::urlset);
      return new Written(1, List.of());
    }
    List<Part> parts = new ArrayList<>();
    for (int from = 0; from < sorted.size(); from += maxUrls) {
      List<SitemapEntry> part = sorted.subList(from, Math.min(sorted.size(), from + maxUrls));
      String file = "sitemap-" + (parts.size() + 1) + ".xml";
      sink.put(file, new Entries(part), SitemapFormat::urlset);
      parts.add(
          new Part(
              baseUrl + file,
              part.stream()
                  .map(SitemapEntry::lastModified)
                  .flatMap(Optional::stream)
                  .max(Comparator.naturalOrder())));
    }
    sink.put(
        "sitemap.xml",
        new Index(List.copyOf(parts)),
        in -> index(in.parts()).getBytes(StandardCharsets.UTF_8));
    return new Written(parts.size() + 1, List.of());
  }

  /** A sitemap of {@code in}'s entries, which are in URL order. */
  private static byte[] urlset(Entries in) {
    StringBuilder b =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (SitemapEntry p : in.entries()) {
      b.append("  <url><loc>").append(xml(p.url())).append("</loc>");
      lastmod(b, p.lastModified());
      b.append("</url>\n");
    }
    return b.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String index(List<Part> parts) {
    StringBuilder b =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (Part p : parts) {
      b.append("  <sitemap><loc>").append(xml(p.url())).append("</loc>");
      lastmod(b, p.lastModified());
      b.append("</sitemap>\n");
    }
    return b.append("</sitemapindex>\n").toString();
  }

  private static void lastmod(StringBuilder b, Optional<Instant> time) {
    time.ifPresent(
        t ->
            b.append("<lastmod>")
                .append(DateTimeFormatter.ISO_LOCAL_DATE.format(t.atOffset(ZoneOffset.UTC)))
                .append("</lastmod>"));
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** What the sitemap is made of: its entries, compared by value. */
  private record Entries(List<SitemapEntry> entries) {}

  /** One file of a sitemap too large for one: its URL and its latest page's modification. */
  private record Part(String url, Optional<Instant> lastModified) {}

  /** What the sitemap index is made of. */
  private record Index(List<Part> parts) {}
}
