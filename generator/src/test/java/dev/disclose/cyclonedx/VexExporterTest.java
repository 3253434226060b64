package dev.disclose.cyclonedx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.Catalog;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.urls.SitePaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.Assertions;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.junit.jupiter.api.Test;

/**
 * The VEX document is streamed and its serial number digested piece by piece: both must equal what
 * the library and UUID make whole.
 */
class VexExporterTest {
  private static final Path SITE = Path.of("src/test/resources/sites/exports");
  private static final VexExporter.Settings SETTINGS =
      new VexExporter.Settings("Exports", "https://example.org/");

  private static List<VexExporter.Entry> entries() throws Exception {
    SiteRoot site = SiteRoot.open(SITE, new PathDisplay(SITE));
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Catalog catalog =
        Catalog.publicAt(Pipeline.oneOff().check(LoadRequest.toCheck(site), now).advisories(), now);
    return catalog.advisories().stream()
        .sorted(Comparator.comparing(Advisory::id))
        .map(
            a ->
                new VexExporter.Entry(
                    a,
                    "https://example.org/" + SitePaths.advisory(a.id()),
                    a.effectiveModified(Optional.empty())))
        .toList();
  }

  @Test
  void theStreamedDocumentsAreWhatTheLibraryReturnsAsStrings() throws Exception {
    Bom bom = VexExporter.bom(entries(), SETTINGS);
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    VexExporter.writeJson(bom, json);
    String libraryJson =
        BomGeneratorFactory.createJson(VexExporter.SPEC, bom).toJsonString(false) + "\n";
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    VexExporter.writeXml(bom, xml);
    String libraryXml =
        compact(BomGeneratorFactory.createXml(VexExporter.SPEC, bom).toXmlString()) + "\n";

    assertThat(json.toString(StandardCharsets.UTF_8))
        .isEqualTo(libraryJson)
        .contains("\"vulnerabilities\"");
    assertThat(xml.toString(StandardCharsets.UTF_8))
        .isEqualTo(libraryXml)
        .contains("<vulnerabilities>");
  }

  /** Written at once, on two threads, the documents are the same bytes as one after the other. */
  @Test
  void bothDocumentsAtOnceAreWhatTheLibraryReturnsAsStrings() throws Exception {
    Bom bom = VexExporter.bom(entries(), SETTINGS);
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    VexExporter.writeBoth(bom, json, xml);

    assertThat(json.toString(StandardCharsets.UTF_8))
        .isEqualTo(BomGeneratorFactory.createJson(VexExporter.SPEC, bom).toJsonString(false) + "\n")
        .doesNotContain("xmlns");
    assertThat(xml.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            compact(BomGeneratorFactory.createXml(VexExporter.SPEC, bom).toXmlString()) + "\n");
  }

  /** A failure on the XML's thread reaches the caller, after the JSON is done. */
  @Test
  void aFailedXmlFailsTheWriteOnceTheJsonIsDone() throws Exception {
    Bom bom = VexExporter.bom(entries(), SETTINGS);
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    IOException full = new IOException("No space left on device");
    OutputStream failing =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw full;
          }
        };

    Assertions.assertThatThrownBy(() -> VexExporter.writeBoth(bom, json, failing))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("No space left on device");
    assertThat(json.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            BomGeneratorFactory.createJson(VexExporter.SPEC, bom).toJsonString(false) + "\n");
  }

  /**
   * A failed JSON stops the XML at its next write, and returns only once the XML's thread has:
   * nothing writes into a build's output after the build gave up. The JSON's failure is the one
   * reported, without the XML's stop beside it.
   */
  @Test
  void aFailedJsonStopsTheXmlAndReturnsOnceItHasStopped() throws Exception {
    Bom bom = VexExporter.bom(entries(), SETTINGS);
    IOException full = new IOException("No space left on device");
    OutputStream failing =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw full;
          }
        };
    AtomicLong written = new AtomicLong();
    OutputStream slow =
        new OutputStream() {
          @Override
          public void write(int b) {
            written.incrementAndGet();
          }

          @Override
          public void write(byte[] b, int off, int len) {
            try {
              Thread.sleep(20);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            written.addAndGet(len);
          }
        };

    Throwable thrown = Assertions.catchThrowable(() -> VexExporter.writeBoth(bom, failing, slow));
    long atReturn = written.get();
    Thread.sleep(200);

    assertThat(thrown)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("No space left on device");
    assertThat(thrown.getSuppressed()).isEmpty();
    assertThat(written.get()).as("bytes written after writeBoth returned").isEqualTo(atReturn);
    assertThat(atReturn)
        .as("the XML was stopped before its end")
        .isLessThan(
            compact(BomGeneratorFactory.createXml(VexExporter.SPEC, bom).toXmlString()).length());
  }

  @Test
  void theSerialNumberIsTheNameBasedUuidOfTheWholeText() throws Exception {
    List<VexExporter.Entry> entries = entries();
    StringBuilder text =
        new StringBuilder(SETTINGS.siteTitle())
            .append('\n')
            .append(SETTINGS.baseUrl())
            .append('\n');
    for (VexExporter.Entry e : entries) {
      Advisory a = e.advisory();
      text.append(a.id())
          .append(' ')
          .append(e.modified().map(t -> t.instant().toString()).orElse(""))
          .append(' ')
          .append(a.effectivePublished().map(t -> t.instant().toString()).orElse(""))
          .append(' ')
          .append(a.withdrawn().map(w -> w.date().instant().toString()).orElse(""))
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
    }

    assertThat(entries).hasSizeGreaterThan(2);
    assertThat(VexExporter.serialNumber(entries, SETTINGS))
        .isEqualTo(
            "urn:uuid:" + UUID.nameUUIDFromBytes(text.toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(VexExporter.serialNumber(List.of(), SETTINGS))
        .isEqualTo(
            "urn:uuid:"
                + UUID.nameUUIDFromBytes(
                    "Exports\nhttps://example.org/\n".getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Jackson's UTF-8 stream writer escapes characters beyond the Basic Multilingual Plane unless
   * told not to; the library's string has them as they are.
   */
  @Test
  void charactersBeyondTheBasicPlaneAreWrittenAsTheLibraryWritesThem() throws Exception {
    Bom bom = new Bom();
    Vulnerability v = new Vulnerability();
    v.setId("X-1");
    v.setDescription("Crates 🦀, maths 𝔸 and 漢字");
    bom.setVulnerabilities(List.of(v));
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    VexExporter.writeJson(bom, json);
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    VexExporter.writeXml(bom, xml);

    assertThat(json.toString(StandardCharsets.UTF_8))
        .contains("Crates 🦀, maths 𝔸 and 漢字")
        .isEqualTo(
            BomGeneratorFactory.createJson(VexExporter.SPEC, bom).toJsonString(false) + "\n");
    assertThat(xml.toString(StandardCharsets.UTF_8))
        .contains("Crates 🦀, maths 𝔸 and 漢字")
        .isEqualTo(
            compact(BomGeneratorFactory.createXml(VexExporter.SPEC, bom).toXmlString()) + "\n");
  }

  /**
   * The library's pretty-printed XML without its indentation: the prolog's line, then the document
   * with the whitespace between tags removed (text holds no {@code >}, escaped).
   */
  private static String compact(String prettyXml) {
    int prolog = prettyXml.indexOf('\n') + 1;
    return prettyXml.substring(0, prolog)
        + prettyXml.substring(prolog).replaceAll(">\\s+<", "><").stripTrailing();
  }
}
