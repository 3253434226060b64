package dev.disclose.plan;

import dev.disclose.config.SiteConfig;
import dev.disclose.markdown.SafeHtml;
import dev.disclose.urls.SitePaths;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One feed, whatever its format: the site-wide one, an ecosystem's or a package's. Built from the
 * public catalog only, so embargoed and draft advisories never reach a subscriber. A pure value:
 * its {@link #updated()} is the newest item's, never the build clock.
 *
 * @param path the folder the feed files live in, relative to the site root ("" for the root,
 *     "packages/PyPI/corvid-serve/"): {@code feed.xml}, {@code atom.xml}, {@code feed.json}, as
 *     {@link #kinds(SiteConfig)} says
 * @param level whose advisories it holds: the site's, an ecosystem's or a package's
 * @param ecosystem the name of the ecosystem an ecosystem's or a package's feed belongs to, as
 *     pages show it; "" for the site's
 */
public record Feed(
    String path,
    String title,
    String description,
    String homeUrl,
    String feedBaseUrl,
    String language,
    String publisher,
    List<Item> items,
    Level level,
    String ecosystem) {

  public static final String RSS = "feed.xml";
  public static final String ATOM = "atom.xml";
  public static final String JSON = "feed.json";

  /**
   * A feed format as pages link it: its output format's name, its file in each feed's folder, its
   * media type and label.
   */
  public record Kind(String format, String file, String mediaType, String label) {}

  /** The feed formats, in the order pages list them. */
  public static final List<Kind> KINDS =
      List.of(
          new Kind("rss", RSS, "application/rss+xml", "RSS"),
          new Kind("atom", ATOM, "application/atom+xml", "Atom"),
          new Kind("json-feed", JSON, "application/feed+json", "JSON Feed"));

  /** Whose advisories a feed holds. */
  public enum Level {
    SITE,
    ECOSYSTEM,
    PACKAGE
  }

  public Feed {
    items = List.copyOf(items);
  }

  /** The feed formats {@code config} publishes, in the order pages list them. */
  public static List<Kind> published(SiteConfig config) {
    return KINDS.stream().filter(kind -> config.publishes(kind.format())).toList();
  }

  /**
   * The formats the feed in the folder {@code path} is written in, of those the site publishes
   * ({@code published}): the site's and each ecosystem's in every one; a package's in one, Atom
   * when published (every feed reader reads it, and it marks an amended item as updated), since the
   * same items three times over each of thousands of packages would be a large share of the site.
   */
  public static List<Kind> kinds(String path, List<Kind> published) {
    if (!path.startsWith(SitePaths.PACKAGES) || published.isEmpty()) return published;
    return List.of(
        published.stream().filter(k -> k.file().equals(ATOM)).findFirst().orElse(published.get(0)));
  }

  /** The formats this feed is written in, of those {@code config} publishes. */
  public List<Kind> kinds(SiteConfig config) {
    return kinds(path, published(config));
  }

  /** Whether this feed is written as {@code file} ({@link #RSS}, {@link #ATOM}, {@link #JSON}). */
  public boolean writtenAs(String file, SiteConfig config) {
    return kinds(config).stream().anyMatch(k -> k.file().equals(file));
  }

  /** When the newest item last changed; the epoch for an empty feed. */
  public Instant updated() {
    return items.stream().map(Item::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
  }

  /**
   * One advisory as a feed item. {@code id} is the advisory's canonical URL: permanent, so a reader
   * recognises an amended advisory as the same item and shows it as updated. {@code published} is
   * empty for an advisory whose publication date is unknown.
   */
  public record Item(
      String id,
      String title,
      String url,
      Optional<Instant> published,
      Instant updated,
      String summary,
      SafeHtml content,
      List<String> categories,
      List<String> credits,
      Machine machine) {
    public Item {
      categories = List.copyOf(categories);
      credits = List.copyOf(credits);
    }
  }

  /** What tools read from the JSON Feed's extension: the advisory's machine fields. */
  public record Machine(
      String advisoryId,
      List<String> aliases,
      String severity,
      String score,
      String vector,
      List<Package> affected,
      String osvUrl,
      String withdrawn) {
    public Machine {
      aliases = List.copyOf(aliases);
      affected = List.copyOf(affected);
    }
  }

  /** An affected package: its ranges in words and its fixed versions. */
  public record Package(
      String ecosystem, String name, String purl, List<String> ranges, List<String> fixed) {
    public Package {
      ranges = List.copyOf(ranges);
      fixed = List.copyOf(fixed);
    }
  }
}
