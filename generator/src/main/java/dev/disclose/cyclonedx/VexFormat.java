package dev.disclose.cyclonedx;

import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.plan.Publication;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.cyclonedx.model.Bom;

/**
 * CycloneDX: {@code vex.json} and {@code vex.xml}, one CycloneDX 1.6 VEX document of every public
 * advisory.
 */
public final class VexFormat implements OutputFormat {
  @Override
  public String name() {
    return "cyclonedx";
  }

  @Override
  public String folder() {
    return "cyclonedx/";
  }

  @Override
  public String summary() {
    return "vex.json and vex.xml: a CycloneDX 1.6 VEX document.";
  }

  @Override
  public boolean readsPlan() {
    return false;
  }

  @Override
  public Written write(Publication publication, FileSink sink, Memo memo) {
    return Written.NONE;
  }

  @Override
  public Written writeBundles(Publication publication, FileSink sink, Memo memo, boolean oneThread)
      throws IOException {
    List<VexExporter.Entry> entries =
        publication.catalog().advisories().stream()
            .map(
                a ->
                    new VexExporter.Entry(
                        a,
                        publication.urls().advisory(a.id()),
                        a.effectiveModified(publication.lastCommit(a))))
            .toList();
    Bom bom =
        VexExporter.bom(
            entries,
            new VexExporter.Settings(publication.config().title(), publication.config().baseUrl()));
    if (oneThread) {
      try (OutputStream json = sink.open("vex.json")) {
        VexExporter.writeJson(bom, json);
      }
      try (OutputStream xml = sink.open("vex.xml")) {
        VexExporter.writeXml(bom, xml);
      }
    } else {
      try (OutputStream json = sink.open("vex.json");
          OutputStream xml = sink.open("vex.xml")) {
        VexExporter.writeBoth(bom, json, xml);
      }
    }
    return new Written(2, List.of());
  }
}
