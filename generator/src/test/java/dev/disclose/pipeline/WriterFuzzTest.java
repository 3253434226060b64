package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.disclose.format.FileSink;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.plan.PlanRequest;
import dev.disclose.testing.FuzzCorpus;
import dev.disclose.testing.TestSites;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Coverage-guided fuzzing (Jazzer) of the writers: the input is an advisory file in a site beside
 * one valid advisory, and whenever the check stage accepts it, the whole site is planned and
 * written with every output format. The build never throws; every XML file parses with a real XML
 * parser and every JSON file with Jackson, inside the zips too; every name written is one safe
 * relative path, written once, and never both a file and a folder. Under {@code mvn verify} it
 * replays the seeds in src/test/resources/dev/disclose/pipeline/WriterFuzzTestInputs/; {@code
 * JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class WriterFuzzTest {
  private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
  private static final String COMPANION = "DEMO-2020-0001";
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  @TempDir static Path site;

  @FuzzTest(maxDuration = "3m")
  void whatTheCheckAcceptsEveryFormatWritesAsValidFilesUnderSafeNames(byte[] input)
      throws Exception {
    Path advisories = site.resolve("advisories");
    if (Files.exists(advisories)) {
      try (var old = Files.list(advisories)) {
        for (Path p : old.toList()) Files.delete(p);
      }
    }
    TestSites.withConfig(site);
    TestSites.write(
        site,
        "advisories/" + COMPANION + ".md",
        TestSites.validAdvisory(COMPANION).replace("CVE-2025-31337", "CVE-2020-0001"));
    Files.write(site.resolve(FuzzCorpus.advisoryPath(input)), input);

    Map<String, byte[]> files = new TreeMap<>();
    List<String> names = new ArrayList<>();
    try {
      Pipeline.oneOff()
          .build(
              LoadRequest.toBuild(SiteRoot.open(site, new PathDisplay(site))),
              Pipeline.BuildRequest.at(NOW, PlanRequest.PUBLIC),
              () -> inMemory(files, names));
    } catch (Refused refused) {
      return; // the check found errors: nothing is written, as it should be
    }
    assertThat(files).containsKeys("index.html", "osv/all.zip", "feed.json", "atom.xml");
    assertSafeNames(names);
    for (var file : files.entrySet()) assertWellFormed(file.getKey(), file.getValue());
  }

  /** An output into {@code files} that notes every name written, in order, repeats included. */
  private static SiteOutput inMemory(Map<String, byte[]> files, List<String> names) {
    FileSink memory = FileSink.inMemory(files);
    return new SiteOutput() {
      @Override
      public void put(String path, byte[] bytes) throws IOException {
        note(path);
        memory.put(path, bytes);
      }

      @Override
      public OutputStream open(String path) throws IOException {
        note(path);
        return memory.open(path);
      }

      private void note(String path) {
        synchronized (names) {
          names.add(path);
        }
      }

      @Override
      public void commit() {}

      @Override
      public void abandon(Throwable failure) {}
    };
  }

  /** Each name is relative, of non-empty segments none of which is . or .., nor too long. */
  private static void assertSafeNames(List<String> names) {
    assertThat(names).doesNotHaveDuplicates();
    for (String name : names) {
      assertThat(name).as("a name written").isNotEmpty().doesNotStartWith("/");
      assertThat(name.chars().filter(c -> c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\\'))
          .as("control characters or backslashes in %s", name)
          .isEmpty();
      for (String segment : name.split("/", -1)) {
        assertThat(segment).as("a segment of %s", name).isNotEmpty().isNotIn(".", "..");
        assertThat(segment.getBytes(StandardCharsets.UTF_8).length)
            .as("bytes in a segment of %s", name)
            .isLessThanOrEqualTo(255);
      }
    }
    // A file and a folder of one name cannot both be on disk.
    for (String name : names) {
      for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
        assertThat(names).as("a folder of %s", name).doesNotContain(name.substring(0, slash));
      }
    }
  }

  private static void assertWellFormed(String name, byte[] bytes) throws Exception {
    if (name.endsWith(".xml") || name.endsWith(".opml")) {
      parseXml(name, bytes);
    } else if (name.endsWith(".json")) {
      parseJson(name, bytes);
    } else if (name.endsWith(".zip")) {
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
        List<String> entries = new ArrayList<>();
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
          entries.add(e.getName());
          assertWellFormed(name + "!" + e.getName(), zip.readAllBytes());
        }
        assertSafeNames(entries);
      }
    }
  }

  private static void parseJson(String name, byte[] bytes) {
    try {
      JSON.readTree(bytes);
    } catch (IOException e) {
      throw new AssertionError(name + " is not JSON: " + e.getMessage(), e);
    }
  }

  private static void parseXml(String name, byte[] bytes) {
    try {
      DocumentBuilder parser = XML_PARSERS.get();
      parser.parse(new ByteArrayInputStream(bytes));
    } catch (SAXException e) {
      throw new AssertionError(name + " is not well-formed XML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final ThreadLocal<DocumentBuilder> XML_PARSERS =
      ThreadLocal.withInitial(
          () -> {
            try {
              DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
              factory.setNamespaceAware(true);
              factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
              factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
              DocumentBuilder builder = factory.newDocumentBuilder();
              // Errors throw; nothing is printed on the way.
              builder.setErrorHandler(
                  new DefaultHandler() {
                    @Override
                    public void error(org.xml.sax.SAXParseException e)
                        throws org.xml.sax.SAXParseException {
                      throw e;
                    }
                  });
              return builder;
            } catch (ParserConfigurationException e) {
              throw new IllegalStateException(e);
            }
          });
}
