package dev.disclose.feed;

import com.rometools.opml.feed.opml.Attribute;
import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code feeds.opml}: every feed of the site (its RSS), for readers that import a subscription
 * list, written with ROME's OPML module. No dates: the list is a function of the site.
 */
public final class OpmlWriter {
  private OpmlWriter() {}

  public static String opml(String title, List<Feed> feeds) {
    Opml opml = new Opml();
    opml.setFeedType("opml_2.0");
    opml.setTitle(title);
    List<Outline> outlines = new ArrayList<>();
    for (Feed f : feeds) {
      Outline o = new Outline();
      o.setType("rss");
      o.setText(f.title());
      o.setTitle(f.title());
      o.setAttributes(new ArrayList<>(List.of(new Attribute("xmlUrl", f.feedBaseUrl() + Feed.RSS),
          new Attribute("htmlUrl", f.homeUrl()))));
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
