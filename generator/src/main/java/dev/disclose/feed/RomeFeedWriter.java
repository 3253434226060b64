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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * RSS 2.0 ({@code feed.xml}) and Atom 1.0 ({@code atom.xml}) through ROME, which takes care of each
 * format's date syntax (RFC 822 for RSS, RFC 3339 for Atom) and XML escaping. Authors are set
 * explicitly on every entry: ROME writes an empty author element otherwise.
 *
 * <p>ROME's Dublin Core module adds a {@code dc:date} of the publication to every entry, which feed
 * readers take for the last modification: {@link #readable} drops it, so Atom's {@code <updated>}
 * and RSS's {@code dcterms:modified} say when an advisory was amended, and gives RSS the self link
 * Atom has.
 */
public final class RomeFeedWriter {
  static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
  static final Namespace DC = Namespace.getNamespace("dc", "http://purl.org/dc/elements/1.1/");
  static final Namespace DCTERMS = Namespace.getNamespace("dcterms", "http://purl.org/dc/terms/");

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
      Document xml = new SyndFeedOutput().outputJDom(f);
      readable(xml, feed, type.startsWith("rss"));
      // As ROME's own outputString(feed, true) writes it.
      Format format = Format.getPrettyFormat();
      format.setEncoding("UTF-8");
      return new XMLOutputter(format).outputString(xml);
    } catch (FeedException e) {
      throw new IllegalStateException(
          "cannot write " + feed.path() + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * No {@code dc:date} anywhere; in RSS, each item's last modification as {@code dcterms:modified}
   * (the Dublin Core term readers map to an item's update) and the channel's {@code atom:link} to
   * itself.
   */
  private static void readable(Document xml, Feed feed, boolean rss) {
    Element root = xml.getRootElement();
    List<Element> dates = new ArrayList<>();
    root.getDescendants(Filters.element("date", DC)).forEach(dates::add);
    dates.forEach(Element::detach);
    if (!rss) return;
    root.addNamespaceDeclaration(ATOM);
    root.addNamespaceDeclaration(DCTERMS);
    Element channel = root.getChild("channel");
    Element self =
        new Element("link", ATOM)
            .setAttribute("href", feed.feedBaseUrl() + Feed.RSS)
            .setAttribute("rel", "self")
            .setAttribute("type", "application/rss+xml");
    // Right after the channel's own link, where validators and people look for it.
    channel.addContent(channel.indexOf(channel.getChild("link")) + 1, self);
    List<Element> items = channel.getChildren("item");
    for (int i = 0; i < items.size(); i++) {
      items
          .get(i)
          .addContent(
              new Element("modified", DCTERMS)
                  .setText(DateTimeFormatter.ISO_INSTANT.format(feed.items().get(i).updated())));
    }
  }

  private static SyndPerson person(String name) {
    SyndPerson p = new SyndPersonImpl();
    p.setName(name);
    return p;
  }
}
