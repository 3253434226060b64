package dev.disclose.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.disclose.plan.Feed;
import dev.disclose.text.Html;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * RSS 2.0 ({@code feed.xml}) and Atom 1.0 ({@code atom.xml}) through ROME, which takes care of each
 * format's date syntax (RFC 822 for RSS, RFC 3339 for Atom) and XML escaping. Authors are set
 * explicitly on every entry: ROME writes an empty author element otherwise.
 */
public final class RomeFeedWriter {
  private RomeFeedWriter() {}

  public static String rss(Feed feed) {
    return write(feed, "rss_2.0", Feed.RSS);
  }

  public static String atom(Feed feed) {
    return write(feed, "atom_1.0", Feed.ATOM);
  }

  private static String write(Feed feed, String type, String file) {
    SyndFeed f = new SyndFeedImpl();
    f.setFeedType(type);
    f.setTitle(feed.title());
    // RSS readers render the channel's description as HTML, Atom's subtitle is plain text.
    f.setDescription(type.startsWith("rss") ? Html.escape(feed.description()) : feed.description());
    f.setLink(feed.homeUrl());
    f.setUri(feed.feedBaseUrl() + file);
    f.setLanguage(feed.language());
    f.setGenerator("Disclose");
    f.setPublishedDate(Date.from(feed.updated()));
    SyndLink self = new SyndLinkImpl();
    self.setRel("self");
    self.setHref(feed.feedBaseUrl() + file);
    self.setType(type.startsWith("rss") ? "application/rss+xml" : "application/atom+xml");
    SyndLink home = new SyndLinkImpl();
    home.setRel("alternate");
    home.setType("text/html");
    home.setHref(feed.homeUrl());
    f.setLinks(List.of(home, self));
    // Atom wants an author; RSS would turn it into managingEditor, which must be an e-mail address.
    if (type.startsWith("atom")) f.setAuthors(List.of(person(feed.publisher())));

    List<SyndEntry> entries = new ArrayList<>();
    for (Feed.Item item : feed.items()) {
      SyndEntry e = new SyndEntryImpl();
      e.setTitle(item.title());
      e.setLink(item.url());
      e.setUri(item.id());
      item.published().map(Date::from).ifPresent(e::setPublishedDate);
      e.setUpdatedDate(Date.from(item.updated()));
      SyndContent summary = new SyndContentImpl();
      if (type.startsWith("rss")) {
        // Readers render RSS's description as HTML, so the plain-text summary goes in as escaped
        // HTML: a package name or reason holding markup reads as text there.
        summary.setType("text/html");
        summary.setValue(Html.escape(item.summary()));
      } else {
        summary.setType("text/plain");
        summary.setValue(item.summary());
      }
      e.setDescription(summary);
      SyndContent content = new SyndContentImpl();
      content.setType("text/html");
      content.setValue(item.content().html());
      e.setContents(List.of(content));
      List<SyndCategory> categories = new ArrayList<>();
      for (String c : item.categories()) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(c);
        categories.add(category);
      }
      e.setCategories(categories);
      e.setAuthors(List.of(person(feed.publisher())));
      e.setAuthor(feed.publisher());
      e.setContributors(item.credits().stream().map(RomeFeedWriter::person).toList());
      entries.add(e);
    }
    f.setEntries(entries);
    try {
      return new SyndFeedOutput().outputString(f, true);
    } catch (FeedException e) {
      throw new IllegalStateException(
          "cannot write " + feed.path() + file + ": " + e.getMessage(), e);
    }
  }

  private static SyndPerson person(String name) {
    SyndPerson p = new SyndPersonImpl();
    p.setName(name);
    return p;
  }
}
