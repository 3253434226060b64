package dev.disclose.discovery;

import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.plan.Publication;
import java.io.IOException;
import java.util.List;

/**
 * {@code robots.txt}: everything allowed, with the sitemap's address if the site has one; a preview
 * disallows all.
 */
public final class RobotsTxtFormat implements OutputFormat {
  /** Its name, which a preview publishes whatever the site's formats. */
  public static final String NAME = "robots";

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
    return "robots.txt, naming the sitemap (a preview's disallows everything).";
  }

  @Override
  public boolean readsPlan() {
    return false;
  }

  @Override
  public Written write(Publication publication, FileSink sink, Memo memo) throws IOException {
    sink.put(
        "robots.txt",
        publication.preview()
            ? robotsPreview()
            : publication.config().publishes(SitemapFormat.NAME)
                ? robots(publication.config().baseUrl())
                : ROBOTS_WITHOUT_SITEMAP);
    return new Written(1, List.of());
  }

  private static final String ROBOTS_WITHOUT_SITEMAP = "User-agent: *\nAllow: /\n";

  public static String robots(String base) {
    return "User-agent: *\nAllow: /\n\nSitemap: " + base + "sitemap.xml\n";
  }

  /** A preview is for the people who review it, not for search engines. */
  public static String robotsPreview() {
    return "User-agent: *\nDisallow: /\n";
  }
}
