package dev.disclose.csaf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.disclose.urls.SitePaths;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files that make a site a CSAF provider (CSAF 2.0 section 7), beside its documents: {@code
 * provider-metadata.json} (requirement 7), the ROLIE feed of the TLP:WHITE documents and the
 * service document listing it (requirements 15 and 16), {@code index.txt} and {@code changes.csv}
 * in the documents' folder (requirements 12 and 13), and the public key the documents are signed
 * with (requirement 20). Their dates are the documents' own, so they change only when a document
 * does.
 */
final class CsafProvider {
  /** One document as the feed and the indexes list it. */
  record Entry(String id, String title, String path, Instant initial, Instant current) {}

  static final String METADATA = "provider-metadata.json";
  static final String SERVICE = "service.json";
  static final String FEED = CsafDocument.WHITE + "csaf-feed-tlp-white.json";
  static final String INDEX = CsafDocument.WHITE + "index.txt";
  static final String CHANGES = CsafDocument.WHITE + "changes.csv";
  static final String SCHEMA = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
  static final String ROLIE_CATEGORY = "urn:ietf:params:rolie:category:information-type";

  private CsafProvider() {}

  /** The public key's path in the format's folder: {@code openpgp/<FINGERPRINT>.asc}. */
  static String keyPath(String fingerprint) {
    return "openpgp/" + fingerprint + ".asc";
  }

  /**
   * Every provider file, path → bytes, for {@code entries} (any order); {@code fingerprint}: the
   * signing key's, when the documents are signed; {@code now}: the date of a provider without
   * documents.
   */
  static Map<String, byte[]> files(
      List<Entry> entries,
      CsafDocument.Settings s,
      Optional<String> fingerprint,
      Optional<String> publicKey,
      Instant now) {
    List<Entry> newest =
        entries.stream()
            .sorted(
                Comparator.comparing(Entry::current)
                    .reversed()
                    .thenComparing(Entry::path, Comparator.reverseOrder()))
            .toList();
    Instant updated = newest.isEmpty() ? now : newest.get(0).current();
    Map<String, byte[]> out = new TreeMap<>();
    out.put(METADATA, CsafJson.bytes(metadata(s, fingerprint, updated)));
    out.put(SERVICE, CsafJson.bytes(service(s)));
    out.put(FEED, CsafJson.bytes(feed(newest, s, fingerprint.isPresent(), updated)));
    StringBuilder index = new StringBuilder();
    entries.stream().map(Entry::path).sorted().forEach(p -> index.append(relative(p)).append('\n'));
    out.put(INDEX, index.toString().getBytes(StandardCharsets.UTF_8));
    StringBuilder changes = new StringBuilder();
    for (Entry e : newest) {
      changes
          .append('"')
          .append(relative(e.path()))
          .append("\",\"")
          .append(CsafJson.time(e.current()))
          .append("\"\n");
    }
    out.put(CHANGES, changes.toString().getBytes(StandardCharsets.UTF_8));
    if (fingerprint.isPresent() && publicKey.isPresent())
      out.put(keyPath(fingerprint.get()), publicKey.get().getBytes(StandardCharsets.US_ASCII));
    return out;
  }

  /** A document's path from the folder of the TLP:WHITE documents, as the indexes list it. */
  private static String relative(String path) {
    return path.substring(CsafDocument.WHITE.length());
  }

  private static String url(CsafDocument.Settings s, String path) {
    return s.urls().url(SitePaths.CSAF + path);
  }

  /**
   * provider-metadata.json: who publishes, the ROLIE feed, the signing key; a trusted provider's
   * role when the documents are signed, a provider's otherwise (requirements 18 to 20).
   */
  private static ObjectNode metadata(
      CsafDocument.Settings s, Optional<String> fingerprint, Instant updated) {
    ObjectNode m = CsafJson.JSON.objectNode();
    m.put("canonical_url", url(s, METADATA));
    ObjectNode rolie = m.putArray("distributions").addObject().putObject("rolie");
    rolie
        .putArray("feeds")
        .addObject()
        .put("summary", "All TLP:WHITE advisories of " + s.publisher() + ".")
        .put("tlp_label", "WHITE")
        .put("url", url(s, FEED));
    rolie.putArray("services").add(url(s, SERVICE));
    m.put("last_updated", CsafJson.time(updated));
    m.put("list_on_CSAF_aggregators", true);
    m.put("metadata_version", "2.0");
    m.put("mirror_on_CSAF_aggregators", true);
    fingerprint.ifPresent(
        f ->
            m.putArray("public_openpgp_keys")
                .addObject()
                .put("fingerprint", f)
                .put("url", url(s, keyPath(f))));
    m.set("publisher", CsafDocument.publisher(s));
    m.put("role", fingerprint.isPresent() ? "csaf_trusted_provider" : "csaf_provider");
    return m;
  }

  private static ObjectNode category() {
    return CsafJson.JSON.objectNode().put("scheme", ROLIE_CATEGORY).put("term", "csaf");
  }

  private static String feedTitle(CsafDocument.Settings s) {
    return s.publisher() + " CSAF feed (TLP:WHITE)";
  }

  /** The ROLIE service document: one workspace, the feed its one collection. */
  private static ObjectNode service(CsafDocument.Settings s) {
    ObjectNode doc = CsafJson.JSON.objectNode();
    ObjectNode collection =
        doc.putObject("service")
            .putArray("workspace")
            .addObject()
            .put("title", s.publisher() + " CSAF feeds")
            .putArray("collection")
            .addObject();
    collection.put("title", feedTitle(s)).put("href", url(s, FEED));
    collection.putObject("categories").putArray("category").add(category());
    return doc;
  }

  /**
   * The ROLIE feed (RFC 8322, as JSON): every document, newest change first, with its hash files
   * and, when signed, its signature.
   */
  private static ObjectNode feed(
      List<Entry> newest, CsafDocument.Settings s, boolean signed, Instant updated) {
    ObjectNode doc = CsafJson.JSON.objectNode();
    ObjectNode feed = doc.putObject("feed");
    feed.put("id", "csaf-feed-tlp-white");
    feed.put("title", feedTitle(s));
    ArrayNode links = feed.putArray("link");
    links.addObject().put("rel", "self").put("href", url(s, FEED));
    links.addObject().put("rel", "service").put("href", url(s, SERVICE));
    feed.putArray("category").add(category());
    feed.put("updated", CsafJson.time(updated));
    ArrayNode items = feed.putArray("entry");
    for (Entry e : newest) {
      String href = url(s, e.path());
      ObjectNode entry = items.addObject();
      entry.put("id", e.id());
      entry.put("title", e.title());
      ArrayNode link = entry.putArray("link");
      link.addObject().put("rel", "self").put("href", href);
      link.addObject().put("rel", "hash").put("href", href + ".sha256");
      link.addObject().put("rel", "hash").put("href", href + ".sha512");
      if (signed) link.addObject().put("rel", "signature").put("href", href + ".asc");
      entry.put("published", CsafJson.time(e.initial()));
      entry.put("updated", CsafJson.time(e.current()));
      entry.putObject("content").put("type", "application/json").put("src", href);
      entry.putObject("format").put("schema", SCHEMA).put("version", "2.0");
    }
    return doc;
  }
}
