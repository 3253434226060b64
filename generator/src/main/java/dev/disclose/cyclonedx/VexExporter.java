package dev.disclose.cyclonedx;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Timestamp;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;

/**
 * Public advisories → one CycloneDX VEX document (spec 1.6, the newest cyclonedx-core-java writes),
 * as JSON and XML: a component per affected package, keyed by its purl, and a vulnerability per
 * advisory with its ratings, CWEs, description, recommendation, advisories, dates, credits and the
 * affected and fixed versions as {@code vers} ranges. Built and serialized with cyclonedx-core-java
 * (tests validate it against the spec's schemas).
 *
 * <p>Deterministic: the serial number is a name-based UUID of the document's content and the
 * metadata timestamp is the newest advisory's modification time, never the build clock.
 */
public final class VexExporter {
  public static final Version SPEC = Version.VERSION_16;

  /** What the export needs from the site and for each advisory. */
  public record Settings(String siteTitle, String baseUrl) {}

  /** One advisory with the facts that come from outside it. */
  public record Entry(Advisory advisory, String url, Optional<Timestamp> modified) {}

  /** The two documents as text, for {@link #problems}. */
  public record Vex(String json, String xml) {}

  private VexExporter() {}

  public static Bom bom(List<Entry> entries, Settings settings) {
    Map<String, Component> components = new TreeMap<>();
    List<Vulnerability> vulnerabilities = new ArrayList<>();
    Optional<Instant> newest = Optional.empty();
    for (Entry e : entries.stream().sorted(Comparator.comparing(x -> x.advisory().id())).toList()) {
      vulnerabilities.add(VexVulnerability.of(e, settings, components));
      Optional<Instant> m =
          e.modified().or(() -> e.advisory().effectivePublished()).map(Timestamp::instant);
      if (m.isPresent() && (newest.isEmpty() || m.get().isAfter(newest.get()))) newest = m;
    }
    Bom bom = new Bom();
    bom.setSerialNumber(
        serialNumber(
            entries.stream().sorted(Comparator.comparing(x -> x.advisory().id())).toList(),
            settings));
    bom.setVersion(1);
    Metadata metadata = new Metadata();
    // Without a known date, no timestamp rather than a made-up one (CycloneDX's is optional).
    newest.map(Date::from).ifPresent(metadata::setTimestamp);
    Component tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setName("Disclose");
    ToolInformation tools = new ToolInformation();
    tools.setComponents(List.of(tool));
    // Set, not left to the getter, which fills in an empty list when first read: the two
    // documents are written at once from this model (see writeBoth), which no reader may change.
    tools.setServices(new ArrayList<>());
    metadata.setToolChoice(tools);
    OrganizationalEntity supplier = new OrganizationalEntity();
    supplier.setName(settings.siteTitle());
    supplier.setUrls(List.of(settings.baseUrl()));
    metadata.setSupplier(supplier);
    bom.setMetadata(metadata);
    bom.setComponents(new ArrayList<>(components.values()));
    bom.setVulnerabilities(vulnerabilities);
    return bom;
  }

  /**
   * The JSON document, streamed into {@code out} (left open): what cyclonedx-core-java's {@code
   * toJsonString(false)} returns, compact, and a newline, without holding it as a string: a large
   * site's document, copied as text on the way, would crowd the heap. Not validated here: Xerces
   * checks the XML's unique keys pairwise, so validating a large site's document costs more than
   * making it. The output is a function of validated advisories; the tests validate it against the
   * 1.6 schemas ({@link #problems}) on fixtures that use every field.
   */
  public static void writeJson(Bom bom, OutputStream out) throws IOException {
    VexWriter.writeJson(bom, out);
  }

  /**
   * The XML document, streamed as {@link #writeJson}: what {@code toXmlString()} returns without
   * its indentation, and a newline.
   */
  public static void writeXml(Bom bom, OutputStream out) throws IOException {
    VexWriter.writeXml(bom, out);
  }

  /**
   * Both documents at once, as {@link #writeJson} and {@link #writeXml} write them: the XML on a
   * thread of its own while this one writes the JSON, since one after the other they leave a core
   * idle at the end of a large build. Each walks the same model, which neither changes once both
   * are set up (the XML generator sets the model's namespace, which the JSON leaves out). Returns
   * only once both have stopped, failed or not: nothing writes into a build's output after it gave
   * up; a failed JSON stops the XML at its next write.
   */
  public static void writeBoth(Bom bom, OutputStream json, OutputStream xml) throws IOException {
    VexWriter.writeBoth(bom, json, xml);
  }

  /**
   * What cyclonedx-core-java finds wrong with the document under the 1.6 schemas; empty when valid.
   */
  public static List<String> problems(Vex vex) {
    List<String> problems =
        new ArrayList<>(
            problems(
                "JSON",
                () ->
                    new JsonParser().validate(vex.json().getBytes(StandardCharsets.UTF_8), SPEC)));
    problems.addAll(
        problems(
            "XML",
            () -> new XmlParser().validate(vex.xml().getBytes(StandardCharsets.UTF_8), SPEC)));
    return problems;
  }

  private interface Validation {
    List<? extends Exception> run() throws IOException;
  }

  private static List<String> problems(String format, Validation validation) {
    try {
      return validation.run().stream().map(p -> format + ": " + p.getMessage()).toList();
    } catch (IOException e) {
      return List.of(format + ": " + e.getMessage());
    }
  }

  /**
   * The serial number: a name-based UUID of what the document says, so that equal input gives an
   * equal document, and a changed advisory a new serial number.
   */
  static String serialNumber(List<Entry> entries, Settings settings) {
    // UUID.nameUUIDFromBytes over the whole text, computed as it does (MD5, version 3, IETF
    // variant) but fed an advisory at a time: the text holds every advisory's details, too much to
    // hold at once for a large site.
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder key =
        new StringBuilder(settings.siteTitle())
            .append('\n')
            .append(settings.baseUrl())
            .append('\n');
    for (Entry e : entries) {
      Advisory a = e.advisory();
      key.append(a.id())
          .append(' ')
          .append(e.modified().map(t -> t.instant().toString()).orElse(""))
          .append(' ')
          .append(a.effectivePublished().map(t -> t.instant().toString()).orElse(""))
          .append(' ')
          .append(a.withdrawn().map(w -> w.date().instant().toString()).orElse(""))
          // The advisory's content as its value records print it (never its file's path).
          .append(' ')
          .append(
              List.of(
                  a.title(),
                  a.details(),
                  a.aliases(),
                  a.related(),
                  a.severity(),
                  a.cwes(),
                  a.affected(),
                  a.references(),
                  a.credits(),
                  a.informational()))
          .append('\n');
      md5.update(key.toString().getBytes(StandardCharsets.UTF_8));
      key.setLength(0);
    }
    md5.update(key.toString().getBytes(StandardCharsets.UTF_8));
    byte[] hash = md5.digest();
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer bytes = ByteBuffer.wrap(hash);
    return "urn:uuid:" + new UUID(bytes.getLong(), bytes.getLong());
  }
}
