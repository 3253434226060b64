package dev.disclose.feed;

import com.rometools.opml.feed.opml.Attribute;
import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.disclose.plan.Feed;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code feeds.opml}: every feed of the site (in its first feed format), for readers that import a
 * subscription list, written with ROME's OPML module. No dates: the list is a function of the site.
 */
public final class OpmlWriter {
  private OpmlWriter() {}

  /** A feed as the list names it: its title, its file of one feed format, and its page. */
  public record Entry(String title, String xmlUrl, String htmlUrl) {
    public static Entry of(Feed f, Feed.Kind kind) {
      return new Entry(f.title(), f.feedBaseUrl() + kind.file(), f.homeUrl());
    }
  }

  /** The list: the site's title and its feeds, all the file is made of. */
  public record Subscriptions(String title, List<Entry> feeds) {}

  public static String opml(String title, List<Feed> feeds) {
    return opml(
        new Subscriptions(title, feeds.stream().map(f -> Entry.of(f, Feed.KINDS.get(0))).toList()));
  }

  public static String opml(Subscriptions subscriptions) {
    Opml opml = new Opml();
    opml.setFeedType("opml_2.0");
    opml.setTitle(subscriptions.title());
    List<Outline> outlines = new ArrayList<>();
    for (Entry f : subscriptions.feeds()) {
      Outline o = new Outline();
      o.setType("rss");
      o.setText(f.title());
      o.setTitle(f.title());
      o.setAttributes(
          new ArrayList<>(
              List.of(new Attribute("xmlUrl", f.xmlUrl()), new Attribute("htmlUrl", f.htmlUrl()))));
      outlines.add(o);
    }
    opml.setOutlines(outlines);
    try {
      return new WireFeedOutput().outputString(opml, true);
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write feeds.opml: " + e.getMessage(), e);
    }
  }
}
