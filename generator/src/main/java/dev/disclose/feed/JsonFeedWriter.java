package dev.disclose.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.disclose.plan.Feed;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * JSON Feed 1.1 ({@code feed.json}, https://www.jsonfeed.org/version/1.1/) through Jackson. Each
 * item carries the advisory's machine fields in the {@code _disclose} extension object (JSON Feed's
 * convention: extension keys start with an underscore).
 */
public final class JsonFeedWriter {
  public static final String VERSION = "https://jsonfeed.org/version/1.1";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonFeedWriter() {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({
    "version",
    "title",
    "home_page_url",
    "feed_url",
    "description",
    "language",
    "authors",
    "items"
  })
  record JsonFeed(
      String version,
      String title,
      @JsonProperty("home_page_url") String homePageUrl,
      @JsonProperty("feed_url") String feedUrl,
      String description,
      String language,
      List<Author> authors,
      List<JsonItem> items) {}

  record Author(String name) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({
    "id",
    "url",
    "title",
    "summary",
    "content_html",
    "date_published",
    "date_modified",
    "authors",
    "tags",
    "_disclose"
  })
  record JsonItem(
      String id,
      String url,
      String title,
      String summary,
      @JsonProperty("content_html") String contentHtml,
      @JsonProperty("date_published") String datePublished,
      @JsonProperty("date_modified") String dateModified,
      List<Author> authors,
      List<String> tags,
      @JsonProperty("_disclose") Extension extension) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({
    "id",
    "aliases",
    "severity",
    "cvss_score",
    "cvss_vector",
    "affected",
    "credits",
    "osv_url",
    "withdrawn"
  })
  record Extension(
      String id,
      List<String> aliases,
      String severity,
      @JsonProperty("cvss_score") BigDecimal cvssScore,
      @JsonProperty("cvss_vector") String cvssVector,
      List<Feed.Package> affected,
      List<String> credits,
      @JsonProperty("osv_url") String osvUrl,
      String withdrawn) {}

  public static String json(Feed feed) {
    List<JsonItem> items =
        feed.items().stream()
            .map(
                i ->
                    new JsonItem(
                        i.id(),
                        i.url(),
                        i.title(),
                        i.summary(),
                        i.content().html(),
                        i.published().map(JsonFeedWriter::time).orElse(null),
                        time(i.updated()),
                        List.of(new Author(feed.publisher())),
                        i.categories(),
                        new Extension(
                            i.machine().advisoryId(),
                            i.machine().aliases(),
                            i.machine().severity(),
                            i.machine().score().isEmpty()
                                ? null
                                : new BigDecimal(i.machine().score()),
                            i.machine().vector(),
                            i.machine().affected(),
                            i.credits(),
                            i.machine().osvUrl(),
                            i.machine().withdrawn())))
            .toList();
    JsonFeed out =
        new JsonFeed(
            VERSION,
            feed.title(),
            feed.homeUrl(),
            feed.feedBaseUrl() + Feed.JSON,
            feed.description(),
            feed.language(),
            List.of(new Author(feed.publisher())),
            items);
    try {
      return MAPPER.writeValueAsString(out) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + feed.path() + Feed.JSON, e);
    }
  }

  /** RFC 3339, in UTC. */
  private static String time(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }
}
