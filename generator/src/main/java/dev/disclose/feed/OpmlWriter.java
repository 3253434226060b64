package dev.disclose.feed;

import com.rometools.opml.feed.opml.Attribute;
import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.disclose.plan.Feed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code feeds.opml}: every feed of the site (in its first feed format), for readers that import a
 * subscription list, written with ROME's OPML module. No dates: the list is a function of the site.
 *
 * <p>Readers import an outline with an {@code xmlUrl} as a subscription and one without as a
 * folder, so the feeds are grouped as the site is: the site's feed first, then a folder per
 * ecosystem holding that ecosystem's feed and a folder of its packages' feeds: an advisory is in
 * one feed of every level, and the folders let a person keep one level.
 */
public final class OpmlWriter {
  private OpmlWriter() {}

  /**
   * A feed as the list names it: its title, its file of one feed format, its page, and where it
   * goes in the list.
   */
  public record Entry(
      String title, String xmlUrl, String htmlUrl, Feed.Level level, String ecosystem) {
    public static Entry of(Feed f, Feed.Kind kind) {
      return new Entry(
          f.title(), f.feedBaseUrl() + kind.file(), f.homeUrl(), f.level(), f.ecosystem());
    }
  }

  /** The list: the site's title and its feeds, all the file is made of. */
  public record Subscriptions(String title, List<Entry> feeds) {}

  public static String opml(Subscriptions subscriptions) {
    Opml opml = new Opml();
    opml.setFeedType("opml_2.0");
    opml.setTitle(subscriptions.title());
    List<Outline> outlines = new ArrayList<>();
    // Each ecosystem's folder and its packages' folder, in the order the feeds come.
    Map<String, Outline> ecosystems = new LinkedHashMap<>();
    Map<String, Outline> packages = new LinkedHashMap<>();
    for (Entry f : subscriptions.feeds()) {
      switch (f.level()) {
        case SITE -> outlines.add(feed(f));
        case ECOSYSTEM -> ecosystem(ecosystems, f.ecosystem()).getChildren().add(feed(f));
        case PACKAGE ->
            packages
                .computeIfAbsent(
                    f.ecosystem(),
                    e -> {
                      Outline folder = folder(e + " packages");
                      ecosystem(ecosystems, e).getChildren().add(folder);
                      return folder;
                    })
                .getChildren()
                .add(feed(f));
      }
    }
    outlines.addAll(ecosystems.values());
    opml.setOutlines(outlines);
    try {
      return new WireFeedOutput().outputString(opml, true);
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write feeds.opml: " + e.getMessage(), e);
    }
  }

  private static Outline ecosystem(Map<String, Outline> ecosystems, String name) {
    return ecosystems.computeIfAbsent(name, OpmlWriter::folder);
  }

  /** An outline readers import as a folder: a title and no feed. */
  private static Outline folder(String title) {
    Outline o = new Outline();
    o.setText(title);
    o.setTitle(title);
    o.setChildren(new ArrayList<>());
    return o;
  }

  /** An outline readers import as a subscription. */
  private static Outline feed(Entry f) {
    Outline o = new Outline();
    o.setType("rss");
    o.setText(f.title());
    o.setTitle(f.title());
    o.setAttributes(
        new ArrayList<>(
            List.of(new Attribute("xmlUrl", f.xmlUrl()), new Attribute("htmlUrl", f.htmlUrl()))));
    return o;
  }
}
