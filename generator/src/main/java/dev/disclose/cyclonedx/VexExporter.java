package dev.disclose.cyclonedx;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.dataformat.xml.util.DefaultXmlPrettyPrinter;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.Credit;
import dev.disclose.advisory.Informational;
import dev.disclose.advisory.RangeType;
import dev.disclose.advisory.Reference;
import dev.disclose.advisory.Severity;
import dev.disclose.advisory.SeverityLevel;
import dev.disclose.advisory.Timestamp;
import dev.disclose.concurrent.Threads;
import dev.disclose.cwe.CweCatalog;
import dev.disclose.ecosystem.Ecosystems;
import dev.disclose.severity.CvssScore;
import dev.disclose.version.InvalidVersionException;
import dev.disclose.version.VersionScheme;
import dev.disclose.version.VersionSchemes;
import java.io.FilterOutputStream;
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
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.cyclonedx.Version;
import org.cyclonedx.generators.json.BomJsonGenerator;
import org.cyclonedx.generators.xml.BomXmlGenerator;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.BomReference;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalContact;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.cyclonedx.util.mixin.MixInBomReference;

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
    Instant newest = Instant.EPOCH;
    for (Entry e : entries.stream().sorted(Comparator.comparing(x -> x.advisory().id())).toList()) {
      vulnerabilities.add(vulnerability(e, settings, components));
      Instant m =
          e.modified()
              .or(() -> e.advisory().effectivePublished())
              .map(Timestamp::instant)
              .orElse(Instant.EPOCH);
      if (m.isAfter(newest)) newest = m;
    }
    Bom bom = new Bom();
    bom.setSerialNumber(
        serialNumber(
            entries.stream().sorted(Comparator.comparing(x -> x.advisory().id())).toList(),
            settings));
    bom.setVersion(1);
    Metadata metadata = new Metadata();
    metadata.setTimestamp(Date.from(newest));
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
   * toJsonString()} returns, and a newline, without holding it as a string — at 100,000 advisories
   * the two documents are over 500 MB of text, copied three times on the way. Not validated here:
   * schema validation of a large site's document took longer than the rest of the build's exports
   * together (Xerces checks the XML's unique keys pairwise). The output is a function of validated
   * advisories; the tests validate it against the 1.6 schemas ({@link #problems}) on fixtures that
   * use every field.
   */
  public static void writeJson(Bom bom, OutputStream out) throws IOException {
    write("JSON", () -> new StreamingJson(bom).write(out));
  }

  /**
   * The XML document, streamed as {@link #writeJson}: what {@code toXmlString()} returns, and a
   * newline.
   */
  public static void writeXml(Bom bom, OutputStream out) throws IOException {
    write("XML", () -> new StreamingXml(bom).write(out));
  }

  /**
   * Both documents at once, as {@link #writeJson} and {@link #writeXml} write them: the XML on a
   * thread of its own while this one writes the JSON. Each walks the same model, which neither
   * changes once both are set up (the XML generator sets the model's namespace, which the JSON
   * leaves out). One after the other they were the last 17 s of a 100,000-advisory build, with the
   * other core idle. Returns only once both have stopped, failed or not: nothing writes into a
   * build's output after it gave up; a failed JSON stops the XML at its next write.
   */
  public static void writeBoth(Bom bom, OutputStream json, OutputStream xml) throws IOException {
    StreamingXml xmlWriter = new StreamingXml(bom);
    StreamingJson jsonWriter = new StreamingJson(bom);
    Abandonable xmlOut = new Abandonable(xml);
    FutureTask<Void> xmlTask =
        new FutureTask<>(
            () -> {
              write("XML", () -> xmlWriter.write(xmlOut));
              return null;
            });
    Thread thread = new Thread(xmlTask, "disclose-vex-xml");
    thread.setDaemon(true);
    thread.start();
    try {
      write("JSON", () -> jsonWriter.write(json));
    } catch (IOException | RuntimeException | Error e) {
      xmlOut.abandoned = true;
      Threads.awaitQuietly(thread);
      Throwable other = xmlFailure(xmlTask);
      if (other != null && !stoppedByUs(other)) e.addSuppressed(other);
      throw e;
    }
    Threads.awaitQuietly(thread);
    Throwable failure = xmlFailure(xmlTask);
    if (failure != null) throw Threads.rethrow(failure);
  }

  /**
   * Whether {@code failure} is the XML stopping because the JSON failed (the XML writer wraps it).
   */
  private static boolean stoppedByUs(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof Abandoned) return true;
    }
    return false;
  }

  /** What the ended XML task threw; null if it succeeded. */
  private static Throwable xmlFailure(FutureTask<Void> ended) {
    try {
      ended.get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      // Not reached: the task's thread has ended. Keep the interrupt all the same.
      Thread.currentThread().interrupt();
      return e;
    }
  }

  /** A stream that refuses further writes once the other document failed. */
  private static final class Abandonable extends FilterOutputStream {
    volatile boolean abandoned;

    Abandonable(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      check();
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      check();
      out.write(b, off, len);
    }

    private void check() throws Abandoned {
      if (abandoned) throw new Abandoned();
    }
  }

  /** The XML stopped because the JSON failed: that failure is the one reported. */
  private static final class Abandoned extends IOException {
    Abandoned() {
      super("the CycloneDX JSON failed; the XML was stopped");
    }
  }

  private interface Writing {
    void run() throws IOException;
  }

  private static void write(String format, Writing writing) throws IOException {
    try {
      writing.run();
    } catch (JacksonException e) {
      throw new IOException(
          "cannot write the CycloneDX " + format + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * cyclonedx-core-java's JSON generator, writing to a stream with the same mapper, mix-in and
   * pretty printer its {@code toJson(bom, true)} uses (the library returns only strings).
   */
  private static final class StreamingJson extends BomJsonGenerator {
    StreamingJson(Bom bom) {
      super(bom, SPEC);
    }

    void write(OutputStream out) throws IOException {
      DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
      printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
      mapper.addMixIn(BomReference.class, MixInBomReference.class);
      // A stream gets Jackson's UTF-8 generator, which escapes characters beyond the Basic
      // Multilingual Plane (emoji) as surrogate pairs unless told otherwise; the library's
      // string, encoded, has them as plain UTF-8.
      mapper
          .writer(printer)
          .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .writeValue(out, bom);
      out.write('\n');
    }
  }

  /**
   * As {@link StreamingJson}, for {@code toXML(bom, true)}: its prolog, the pretty-printed
   * document.
   */
  private static final class StreamingXml extends BomXmlGenerator {
    StreamingXml(Bom bom) {
      super(bom, SPEC);
    }

    void write(OutputStream out) throws IOException {
      out.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + System.lineSeparator())
              .getBytes(StandardCharsets.UTF_8));
      mapper
          .writer(new DefaultXmlPrettyPrinter())
          .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .writeValue(out, bom);
      out.write('\n');
    }
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
    // variant) but fed an advisory at a time: the text holds every advisory's details, hundreds
    // of megabytes at database scale.
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

  private static Vulnerability vulnerability(
      Entry e, Settings settings, Map<String, Component> components) {
    Advisory a = e.advisory();
    Vulnerability v = new Vulnerability();
    v.setBomRef(a.id());
    v.setId(a.id());
    v.setSource(source(settings.siteTitle(), e.url()));
    List<Vulnerability.Reference> references = new ArrayList<>();
    // CycloneDX references are the same vulnerability under other IDs: aliases, never related ones.
    for (String alias : a.aliases()) references.add(reference(alias));
    if (!references.isEmpty()) v.setReferences(references);
    List<Vulnerability.Rating> ratings = ratings(a.severity(), settings, e.url());
    if (!ratings.isEmpty()) v.setRatings(ratings);
    List<Integer> cwes =
        a.cwes().stream()
            .map(CweCatalog::number)
            .filter(OptionalInt::isPresent)
            .map(OptionalInt::getAsInt)
            .toList();
    if (!cwes.isEmpty()) v.setCwes(cwes);
    v.setDescription(a.title());
    if (!a.details().isBlank()) v.setDetail(a.details().strip());
    if (a.withdrawn().isEmpty()) recommendation(a).ifPresent(v::setRecommendation);
    List<Vulnerability.Advisory> advisories = new ArrayList<>();
    advisories.add(advisory(a.title(), e.url()));
    for (Reference r : a.references()) {
      if (r.type() == Reference.ReferenceType.ADVISORY && !r.url().equals(e.url()))
        advisories.add(advisory(null, r.url()));
    }
    v.setAdvisories(advisories);
    a.effectivePublished().ifPresent(p -> v.setPublished(Date.from(p.instant())));
    e.modified().ifPresent(m -> v.setUpdated(Date.from(m.instant())));
    a.withdrawn().ifPresent(w -> v.setRejected(Date.from(w.date().instant())));
    credits(a.credits()).ifPresent(v::setCredits);

    Vulnerability.Analysis analysis = new Vulnerability.Analysis();
    if (a.withdrawn().isPresent()) {
      // Withdrawn: it was not a vulnerability after all.
      analysis.setState(Vulnerability.Analysis.State.FALSE_POSITIVE);
      analysis.setDetail("Withdrawn: " + a.withdrawn().get().reason());
    } else {
      analysis.setState(Vulnerability.Analysis.State.EXPLOITABLE);
      boolean fixed =
          a.affected().stream()
              .flatMap(p -> p.ranges().stream())
              .anyMatch(r -> r.fixed().isPresent());
      if (fixed) analysis.setResponses(List.of(Vulnerability.Analysis.Response.UPDATE));
      else if (a.informational().equals(Optional.of(Informational.UNMAINTAINED))) {
        analysis.setResponses(List.of(Vulnerability.Analysis.Response.WILL_NOT_FIX));
      }
    }
    v.setAnalysis(analysis);

    List<Vulnerability.Affect> affects = new ArrayList<>();
    for (Affected p : a.affected()) {
      Optional<String> purl = p.purl().or(() -> Ecosystems.purlFor(p.ecosystem(), p.packageName()));
      if (purl.isEmpty()) continue;
      String ref = purl.get();
      components.computeIfAbsent(ref, r -> component(p, r));
      Vulnerability.Affect affect = new Vulnerability.Affect();
      affect.setRef(ref);
      // A withdrawn advisory affects nothing: its versions would contradict false_positive.
      List<Vulnerability.Version> versions =
          a.withdrawn().isPresent() ? List.of() : versions(p, purlType(ref));
      if (!versions.isEmpty()) affect.setVersions(versions);
      affects.add(affect);
    }
    if (!affects.isEmpty()) v.setAffects(affects);
    return v;
  }

  /**
   * Each affected interval as a {@code vers} range, each fixed version as unaffected, each listed
   * version as affected.
   */
  static List<Vulnerability.Version> versions(Affected p, String versScheme) {
    List<Vulnerability.Version> out = new ArrayList<>();
    for (AffectedRange r : p.ranges()) {
      if (r.type() == RangeType.GIT) continue; // commits, not versions
      out.add(version(null, vers(r, versScheme), Vulnerability.Version.Status.AFFECTED));
    }
    for (AffectedRange r : p.ranges()) {
      if (r.type() != RangeType.GIT)
        r.fixed()
            .ifPresent(f -> out.add(version(f, null, Vulnerability.Version.Status.UNAFFECTED)));
    }
    for (String listed : p.versions())
      out.add(version(listed, null, Vulnerability.Version.Status.AFFECTED));
    return out;
  }

  /**
   * The package-url "vers" notation: {@code vers:pypi/>=0.5.0|<0.7.2}; {@code *} for every version.
   */
  static String vers(AffectedRange r, String scheme) {
    List<String> constraints = new ArrayList<>();
    if (!r.introducedOrBeginning().equals(AffectedRange.BEGINNING))
      constraints.add(">=" + versEscape(r.introducedOrBeginning()));
    r.fixed().ifPresent(f -> constraints.add("<" + versEscape(f)));
    r.lastAffected().ifPresent(l -> constraints.add("<=" + versEscape(l)));
    // OSV's limit ends an open interval.
    if (r.fixed().isEmpty() && r.lastAffected().isEmpty())
      r.limit().ifPresent(l -> constraints.add("<" + versEscape(l)));
    return "vers:" + scheme + "/" + (constraints.isEmpty() ? "*" : String.join("|", constraints));
  }

  /** vers separates constraints with "|"; a version holding one is percent-encoded. */
  private static String versEscape(String version) {
    return version.replace("%", "%25").replace("|", "%7C");
  }

  private static String purlType(String purl) {
    try {
      return new PackageURL(purl).getType();
    } catch (MalformedPackageURLException e) {
      return "generic";
    }
  }

  private static Vulnerability.Version version(
      String version, String range, Vulnerability.Version.Status status) {
    Vulnerability.Version v = new Vulnerability.Version();
    if (version != null) v.setVersion(version);
    if (range != null) v.setRange(range);
    v.setStatus(status);
    return v;
  }

  private static Component component(Affected p, String purl) {
    Component c = new Component();
    c.setType(Component.Type.LIBRARY);
    c.setBomRef(purl);
    c.setPurl(purl);
    try {
      PackageURL parsed = new PackageURL(purl);
      c.setName(parsed.getName());
      if (parsed.getNamespace() != null) c.setGroup(parsed.getNamespace());
    } catch (MalformedPackageURLException e) {
      c.setName(p.packageName());
    }
    return c;
  }

  private static List<Vulnerability.Rating> ratings(Severity s, Settings settings, String url) {
    List<Vulnerability.Rating> out = new ArrayList<>();
    for (String vector :
        List.of(s.cvssV4(), s.cvssV3(), s.cvssV2()).stream().flatMap(Optional::stream).toList()) {
      CvssScore score;
      try {
        score = CvssScore.of(vector);
      } catch (IllegalArgumentException e) {
        continue; // validation refuses such an advisory before any export
      }
      Vulnerability.Rating r = new Vulnerability.Rating();
      r.setSource(source(settings.siteTitle(), url));
      r.setScore(score.baseScore());
      r.setSeverity(severity(score.level()));
      r.setMethod(
          switch (score.versionLabel()) {
            case "4.0" -> Vulnerability.Rating.Method.CVSSV4;
            case "3.1" -> Vulnerability.Rating.Method.CVSSV31;
            case "3.0" -> Vulnerability.Rating.Method.CVSSV3;
            default -> Vulnerability.Rating.Method.CVSSV2;
          });
      r.setVector(vector);
      out.add(r);
    }
    if (out.isEmpty() && s.level().isPresent()) {
      Vulnerability.Rating r = new Vulnerability.Rating();
      r.setSource(source(settings.siteTitle(), url));
      r.setSeverity(severity(s.level().get()));
      r.setMethod(Vulnerability.Rating.Method.OTHER);
      out.add(r);
    }
    return out;
  }

  private static Vulnerability.Rating.Severity severity(SeverityLevel level) {
    return switch (level) {
      case CRITICAL -> Vulnerability.Rating.Severity.CRITICAL;
      case HIGH -> Vulnerability.Rating.Severity.HIGH;
      case MEDIUM -> Vulnerability.Rating.Severity.MEDIUM;
      case LOW -> Vulnerability.Rating.Severity.LOW;
      case NONE -> Vulnerability.Rating.Severity.NONE;
    };
  }

  /**
   * Per package: "Upgrade corvid-serve (PyPI) to 0.7.2 or later." — "or later" only where no later
   * version is affected; versions from an interval without a fix, and versions listed one by one,
   * are named as having no fix.
   */
  static Optional<String> recommendation(Advisory a) {
    List<String> lines = new ArrayList<>();
    for (Affected p : a.affected()) {
      List<AffectedRange> ranges =
          p.ranges().stream().filter(r -> r.type() != RangeType.GIT).toList();
      List<String> fixed = ranges.stream().flatMap(r -> r.fixed().stream()).distinct().toList();
      List<String> open =
          ranges.stream()
              .filter(r -> r.fixed().isEmpty() && r.lastAffected().isEmpty())
              .map(r -> r.introducedOrBeginning())
              .toList();
      String name = p.packageName() + " (" + p.ecosystem() + ")";
      List<String> listed = outsideRanges(p, ranges);
      if (!fixed.isEmpty()) {
        boolean laterAffected =
            !open.isEmpty()
                || !listed.isEmpty()
                || ranges.stream().anyMatch(r -> r.lastAffected().isPresent());
        lines.add(
            "Upgrade "
                + name
                + " to "
                + (fixed.size() == 1 ? fixed.get(0) : "one of " + String.join(", ", fixed))
                + (laterAffected
                    ? " (the fixed version of your release line)"
                    : fixed.size() == 1 ? " or later" : ", or later in its series")
                + ".");
      }
      for (String from : open) {
        lines.add(
            from.equals(AffectedRange.BEGINNING)
                ? "No version of " + name + " is fixed yet."
                : name + " from " + from + " on has no fix yet.");
      }
      if (!listed.isEmpty())
        lines.add(
            name
                + " "
                + String.join(", ", listed)
                + (listed.size() == 1 ? " is" : " are")
                + " affected too.");
    }
    return lines.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", lines));
  }

  /** Listed versions outside every range (only where the ecosystem's versions can be ordered). */
  private static List<String> outsideRanges(Affected p, List<AffectedRange> ranges) {
    VersionScheme scheme = Ecosystems.versionScheme(p.ecosystem());
    if (!scheme.isOrdered()) return List.of();
    List<String> out = new ArrayList<>();
    for (String v : p.versions()) {
      try {
        dev.disclose.version.Version version = scheme.parse(v);
        if (ranges.stream()
            .noneMatch(
                r ->
                    VersionSchemes.inInterval(
                        scheme, version, r.introducedOrBeginning(), r.fixed(), r.lastAffected()))) {
          out.add(v);
        }
      } catch (InvalidVersionException e) {
        // validation refused such a version before any export
      }
    }
    return out;
  }

  private static Optional<Vulnerability.Credits> credits(List<Credit> credits) {
    if (credits.isEmpty()) return Optional.empty();
    List<OrganizationalContact> people = new ArrayList<>();
    for (Credit c : credits) {
      OrganizationalContact person = new OrganizationalContact();
      person.setName(c.name());
      c.contact().stream()
          .filter(x -> x.startsWith("mailto:"))
          .findFirst()
          .ifPresent(m -> person.setEmail(m.substring(7)));
      people.add(person);
    }
    Vulnerability.Credits out = new Vulnerability.Credits();
    out.setIndividuals(people);
    return Optional.of(out);
  }

  private static Vulnerability.Reference reference(String id) {
    Vulnerability.Reference r = new Vulnerability.Reference();
    r.setId(id);
    if (id.startsWith("CVE-")) r.setSource(source("NVD", "https://nvd.nist.gov/vuln/detail/" + id));
    else if (id.startsWith("GHSA-"))
      r.setSource(source("GitHub Advisories", "https://github.com/advisories/" + id));
    else r.setSource(source("OSV", "https://osv.dev/vulnerability/" + id));
    return r;
  }

  private static Vulnerability.Advisory advisory(String title, String url) {
    Vulnerability.Advisory adv = new Vulnerability.Advisory();
    if (title != null) adv.setTitle(title);
    adv.setUrl(url);
    return adv;
  }

  private static Vulnerability.Source source(String name, String url) {
    Vulnerability.Source s = new Vulnerability.Source();
    s.setName(name);
    s.setUrl(url);
    return s;
  }
}
