package dev.disclose.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.markdown.SafeHtml;
import dev.disclose.plan.Feed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every text field of every feed carries markup as text: decoded for the field's type (plain text,
 * or HTML where readers render it as HTML), it is the literal payload and makes no element.
 */
class FeedFieldEscapingTest {
  static final String PAYLOAD = "<img src=x onerror=alert(1)> & \"q\" 'a'";

  /** A feed whose every text field is the payload, each tagged with its field's name. */
  static Feed feed() {
    Feed.Item item =
        new Feed.Item(
            "https://example.org/a/",
            PAYLOAD + "item-title",
            "https://example.org/a/",
            Optional.of(Instant.parse("2025-01-01T00:00:00Z")),
            Instant.parse("2025-01-02T00:00:00Z"),
            PAYLOAD + "summary",
            new SafeHtml("<p>ok</p>"),
            List.of(PAYLOAD + "category"),
            List.of(PAYLOAD + "credit"),
            new Feed.Machine("X-1", List.of(), "", "", "", List.of(), "https://example.org/", ""));
    return new Feed(
        "",
        PAYLOAD + "feed-title",
        PAYLOAD + "feed-description",
        "https://example.org/",
        "https://example.org/",
        "en",
        PAYLOAD + "publisher",
        List.of(item),
        Feed.Level.SITE,
        "");
  }

  /** The element's text, XML-decoded, after checking it holds no element. */
  static String text(Document doc, String xpath) throws Exception {
    Node n = (Node) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODE);
    assertThat(n).as(xpath).isNotNull();
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling())
      assertThat(c).as(xpath + " holds an element").isNotInstanceOf(Element.class);
    return n.getTextContent();
  }

  /** What a reader shows of an HTML field: its text, after checking it makes no element. */
  static String asHtml(String html) {
    org.jsoup.nodes.Document d = Jsoup.parseBodyFragment(html);
    assertThat(d.body().children()).as(html).isEmpty();
    return d.body().wholeText();
  }

  static Document xml(String s) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/rss/channel/title|text|feed-title",
        "/rss/channel/description|html|feed-description",
        "/rss/channel/item/title|text|item-title",
        "/rss/channel/item/description|html|summary",
        "/rss/channel/item/category|text|category",
        "/rss/channel/item/*[local-name()='creator']|text|publisher",
      })
  void rssFieldsReadAsTheirText(String field) throws Exception {
    check(RomeFeedWriter.rss(feed()), field);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/feed/title|atom|feed-title",
        "/feed/subtitle|atom|feed-description",
        "/feed/author/name|text|publisher",
        "/feed/entry/title|atom|item-title",
        "/feed/entry/summary|atom|summary",
        "/feed/entry/author/name|text|publisher",
        "/feed/entry/contributor/name|text|credit",
      })
  void atomFieldsReadAsTheirText(String field) throws Exception {
    check(RomeFeedWriter.atom(feed()), field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/feed/entry/category/@term|attr|category"})
  void atomCategoryTermReadsAsText(String field) throws Exception {
    String[] f = field.split("\\|");
    Document doc = xml(RomeFeedWriter.atom(feed()));
    String term = XPathFactory.newInstance().newXPath().evaluate(f[0], doc);
    assertThat(term).isEqualTo(PAYLOAD + f[2]);
  }

  private static void check(String xml, String field) throws Exception {
    String[] f = field.split("\\|");
    Document doc = xml(xml);
    String decoded = text(doc, f[0]);
    String shown =
        switch (f[1]) {
          case "html" -> asHtml(decoded);
          case "atom" -> {
            // Atom says each text construct's type: plain text is shown as it is.
            String type = XPathFactory.newInstance().newXPath().evaluate(f[0] + "/@type", doc);
            assertThat(type).as(f[0] + "/@type").isIn("", "text");
            yield decoded;
          }
          default -> decoded;
        };
    assertThat(shown).isEqualTo(PAYLOAD + f[2]);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "title|feed-title",
        "description|feed-description",
        "authors/0/name|publisher",
        "items/0/title|item-title",
        "items/0/summary|summary",
        "items/0/tags/0|category",
        "items/0/authors/0/name|publisher",
        "items/0/_disclose/credits/0|credit",
      })
  void jsonFeedFieldsReadAsTheirText(String field) throws Exception {
    String[] f = field.split("\\|");
    JsonNode node = new ObjectMapper().readTree(JsonFeedWriter.json(feed()));
    Function<String, JsonNode> at = p -> node.at("/" + p);
    // JSON Feed's title, summary, tags and names are plain text: the payload as it is.
    assertThat(at.apply(f[0]).asText()).isEqualTo(PAYLOAD + f[1]);
  }
}
