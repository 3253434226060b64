package dev.disclose.discovery;

import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.plan.Publication;
import dev.disclose.plan.SitemapEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * {@code sitemap.xml}: every page search engines should index, by URL, with its last modification
 * where known.
 */
public final class SitemapFormat implements OutputFormat {
  /** Its name, which robots.txt asks for before naming the sitemap. */
  public static final String NAME = "sitemap";

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
    sink.put(
        "sitemap.xml",
        new Entries(publication.sitemap()),
        in -> sitemap(in.entries()).getBytes(StandardCharsets.UTF_8));
    return new Written(1, List.of());
  }

  public static String sitemap(List<SitemapEntry> entries) {
    StringBuilder b =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    entries.stream()
        .sorted(Comparator.comparing(SitemapEntry::url))
        .forEach(
            p -> {
              b.append("  <url><loc>").append(xml(p.url())).append("</loc>");
              p.lastModified()
                  .ifPresent(
                      t ->
                          b.append("<lastmod>")
                              .append(
                                  DateTimeFormatter.ISO_LOCAL_DATE.format(
                                      t.atOffset(ZoneOffset.UTC)))
                              .append("</lastmod>"));
              b.append("</url>\n");
            });
    return b.append("</urlset>\n").toString();
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** What the sitemap is made of: its entries, compared by value. */
  private record Entries(List<SitemapEntry> entries) {}
}
