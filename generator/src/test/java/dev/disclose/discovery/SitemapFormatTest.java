package dev.disclose.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.format.FileSink;
import dev.disclose.plan.SitemapEntry;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class SitemapFormatTest {
  private static final String BASE = "https://example.org/security/";

  private static List<SitemapEntry> pages(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(
            i ->
                new SitemapEntry(
                    BASE + "advisories/A-" + (char) ('a' + i) + "/",
                    Optional.of(Instant.parse("2025-01-0" + i + "T10:00:00Z"))))
        .toList();
  }

  private static Document xml(byte[] bytes) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }

  private static List<String> texts(Document d, String element) {
    NodeList nodes =
        d.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", element);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
    return out;
  }

  @Test
  void aSiteWithinTheLimitHasOneSitemap() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    var written = SitemapFormat.write(pages(3), BASE, FileSink.inMemory(files), 3);

    assertThat(written.files()).isEqualTo(1);
    assertThat(files).containsOnlyKeys("sitemap.xml");
    Document sitemap = xml(files.get("sitemap.xml"));
    assertThat(sitemap.getDocumentElement().getLocalName()).isEqualTo("urlset");
    assertThat(texts(sitemap, "loc")).hasSize(3);
  }

  @Test
  void aLargerSiteGetsAnIndexOfSitemapsEachWithinTheLimitListingEveryPageOnce() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    var written = SitemapFormat.write(pages(5), BASE, FileSink.inMemory(files), 2);

    assertThat(written.files()).isEqualTo(4);
    assertThat(files)
        .containsOnlyKeys("sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml");
    Document index = xml(files.get("sitemap.xml"));
    assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
    assertThat(texts(index, "loc"))
        .containsExactly(BASE + "sitemap-1.xml", BASE + "sitemap-2.xml", BASE + "sitemap-3.xml");
    // Each part is dated by its latest page, so a crawler fetches only the parts that changed.
    assertThat(texts(index, "lastmod")).containsExactly("2025-01-02", "2025-01-04", "2025-01-05");

    List<String> listed = new ArrayList<>();
    for (int part = 1; part <= 3; part++) {
      Document sitemap = xml(files.get("sitemap-" + part + ".xml"));
      assertThat(sitemap.getDocumentElement().getLocalName()).isEqualTo("urlset");
      assertThat(texts(sitemap, "loc")).hasSizeLessThanOrEqualTo(2);
      listed.addAll(texts(sitemap, "loc"));
    }
    assertThat(listed).containsExactlyElementsOf(pages(5).stream().map(SitemapEntry::url).toList());
  }

  @Test
  void theProtocolsLimitIsFiftyThousandUrls() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    List<SitemapEntry> many =
        IntStream.range(0, SitemapFormat.MAX_URLS + 1)
            .mapToObj(i -> new SitemapEntry(BASE + "p/" + i + "/", Optional.empty()))
            .toList();
    SitemapFormat.write(many, BASE, FileSink.inMemory(files), SitemapFormat.MAX_URLS);

    assertThat(files).containsOnlyKeys("sitemap.xml", "sitemap-1.xml", "sitemap-2.xml");
    assertThat(texts(xml(files.get("sitemap-1.xml")), "loc")).hasSize(50_000);
    assertThat(texts(xml(files.get("sitemap-2.xml")), "loc")).hasSize(1);
  }
}
