package dev.disclose.cyclonedx;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.disclose.concurrent.Threads;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.cyclonedx.generators.json.BomJsonGenerator;
import org.cyclonedx.generators.xml.BomXmlGenerator;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.BomReference;
import org.cyclonedx.util.mixin.MixInBomReference;

/**
 * Writes a VEX document's model as compact JSON and XML into streams, byte for byte what
 * cyclonedx-core-java returns as strings without pretty-printing, and a newline: {@link
 * VexExporter#writeJson}, {@link VexExporter#writeXml} and {@link VexExporter#writeBoth}.
 */
final class VexWriter {
  private VexWriter() {}

  static void writeJson(Bom bom, OutputStream out) throws IOException {
    write("JSON", () -> new StreamingJson(bom).write(out));
  }

  static void writeXml(Bom bom, OutputStream out) throws IOException {
    write("XML", () -> new StreamingXml(bom).write(out));
  }

  /**
   * The XML on a thread of its own while this one writes the JSON; returns only once both have
   * stopped, failed or not, and a failed JSON stops the XML at its next write.
   */
  static void writeBoth(Bom bom, OutputStream json, OutputStream xml) throws IOException {
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
   * cyclonedx-core-java's JSON generator, writing to a stream with the same mapper and mix-in its
   * {@code toJsonString(false)} uses (the library returns only strings): compact, since tools read
   * the document and indentation would only make a large site's document larger.
   */
  private static final class StreamingJson extends BomJsonGenerator {
    StreamingJson(Bom bom) {
      super(bom, VexExporter.SPEC);
    }

    void write(OutputStream out) throws IOException {
      mapper.addMixIn(BomReference.class, MixInBomReference.class);
      // A stream gets Jackson's UTF-8 generator, which escapes characters beyond the Basic
      // Multilingual Plane (emoji) as surrogate pairs unless told otherwise; the library's
      // string, encoded, has them as plain UTF-8.
      mapper
          .writer()
          .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .writeValue(out, bom);
      out.write('\n');
    }
  }

  /**
   * As {@link StreamingJson}, for {@code toXML(bom, false)}: its prolog, then the document without
   * indentation.
   */
  private static final class StreamingXml extends BomXmlGenerator {
    StreamingXml(Bom bom) {
      super(bom, VexExporter.SPEC);
    }

    void write(OutputStream out) throws IOException {
      out.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + System.lineSeparator())
              .getBytes(StandardCharsets.UTF_8));
      mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, bom);
      out.write('\n');
    }
  }
}
