package dev.disclose.pages;

import dev.disclose.config.SiteConfig;
import dev.disclose.plan.PageSpec;
import dev.disclose.urls.SitePaths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/** The small machine-read files: sitemap.xml, robots.txt, .well-known/security.txt. */
public final class SiteFiles {
  /** security.txt must expire within a year (RFC 9116 §2.5.5); half a year leaves room to rebuild. */
  static final int SECURITY_TXT_DAYS = 180;

  private SiteFiles() {}

  public static String sitemap(List<PageSpec> pages) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    pages.stream().filter(PageSpec::inSitemap).sorted(Comparator.comparing(PageSpec::canonicalUrl)).forEach(p -> {
      b.append("  <url><loc>").append(xml(p.canonicalUrl())).append("</loc>");
      p.lastModified().ifPresent(t -> b.append("<lastmod>")
          .append(DateTimeFormatter.ISO_LOCAL_DATE.format(t.atOffset(ZoneOffset.UTC))).append("</lastmod>"));
      b.append("</url>\n");
    });
    return b.append("</urlset>\n").toString();
  }

  public static String robots(String base) {
    return "User-agent: *\nAllow: /\n\nSitemap: " + base + "sitemap.xml\n";
  }

  /** A preview is for the people who review it, not for search engines. */
  public static String robotsPreview() {
    return "User-agent: *\nDisallow: /\n";
  }

  /** RFC 9116. {@code now} is the build's notion of now, so the file is a function of the input. */
  public static String securityTxt(SiteConfig config, String base, Instant now) {
    Instant expires = now.truncatedTo(ChronoUnit.DAYS).plus(SECURITY_TXT_DAYS, ChronoUnit.DAYS);
    StringBuilder b = new StringBuilder();
    b.append("Contact: ").append(config.securityContact()).append('\n');
    b.append("Expires: ").append(DateTimeFormatter.ISO_INSTANT.format(expires)).append('\n');
    if (config.policy().isPresent()) b.append("Policy: ").append(base).append(SitePaths.POLICY).append('\n');
    b.append("Canonical: ").append(base).append(".well-known/security.txt\n");
    b.append("Preferred-Languages: ").append(String.join(", ", config.languages())).append('\n');
    return b.toString();
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
