package dev.disclose.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Timestamp;
import dev.disclose.importing.AdvisoryImport.Input;
import dev.disclose.osv.OsvExporter;
import dev.disclose.osv.OsvImporter;
import dev.disclose.osv.OsvRecord;
import dev.disclose.urls.SiteUrls;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code disclose import osv}: OSV records (JSON or YAML files, folders of them, zips of them) →
 * advisories, which {@link AdvisoryImport} numbers and writes. Each bad record is reported; the
 * others are imported.
 */
public final class OsvImport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private OsvImport() {}

  /** Every OSV record under {@code paths}: files, folders (recursively) and zips, in path order. */
  public static List<Input> inputs(List<Path> paths) throws IOException {
    return ImportInputs.read(paths, OsvImport::isRecordName);
  }

  private static boolean isRecordName(String name) {
    return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /**
   * Reads each input as an OSV record and states it as an advisory (the record's own ID still its
   * ID; {@link AdvisoryImport} numbers it for the site), in the inputs' order.
   */
  public static List<AdvisoryImport.Candidate> candidates(List<Input> inputs, String prefix) {
    OsvExporter.Settings settings = settings(prefix);
    // In parallel, because each record is read, written and read back by itself.
    return inputs.parallelStream().map(in -> candidate(in, settings)).toList();
  }

  private static AdvisoryImport.Candidate candidate(Input in, OsvExporter.Settings settings) {
    JsonNode tree;
    try {
      if (in.bytes().length > AdvisoryImport.MAX_BYTES) throw new IOException("larger than 1 MiB");
      tree = in.yaml() ? JSON.valueToTree(YAML.readTree(in.bytes())) : JSON.readTree(in.bytes());
    } catch (IOException | RuntimeException e) {
      return AdvisoryImport.Candidate.failed(
          in.origin(), "", "not an OSV record: " + firstLine(e.getMessage()));
    }
    return candidate(in.origin(), tree, settings);
  }

  /** The settings an imported record is read with: the site's ID prefix, any base URL. */
  static OsvExporter.Settings settings(String prefix) {
    return new OsvExporter.Settings(new SiteUrls("https://example.org/"), prefix, false);
  }

  /** One OSV record, as a JSON tree, stated as an advisory, or why it cannot be. */
  static AdvisoryImport.Candidate candidate(
      String origin, JsonNode tree, OsvExporter.Settings settings) {
    OsvRecord record;
    try {
      record = OsvImporter.read(JSON.writeValueAsBytes(tree));
      if (record.id() == null || record.id().isBlank())
        throw new IOException("the record has no `id`");
      if (record.modified() == null)
        throw new IOException("the record has no `modified` (OSV requires it)");
      for (String[] time :
          new String[][] {
            {"modified", record.modified()},
            {"published", record.published()},
            {"withdrawn", record.withdrawn()}
          }) {
        if (time[1] != null && Timestamp.parse(time[1]).isEmpty()) {
          throw new IOException(
              "`" + time[0] + "` is not an RFC 3339 time like 2025-03-04T16:00:00Z: " + time[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return AdvisoryImport.Candidate.failed(
          origin, "", "not an OSV record: " + firstLine(e.getMessage()));
    }
    Advisory advisory;
    try {
      advisory = OsvImporter.toAdvisory(record, settings, Path.of("imported.md"), "imported.md");
    } catch (RuntimeException e) {
      // A value OSV's schema does not allow (a range type, a reference type): this record only.
      return AdvisoryImport.Candidate.failed(
          origin, record.id(), "not an OSV record: " + firstLine(e.getMessage()));
    }
    // Judged before the tidying, which notes each of its own changes.
    AdvisoryImport.Written written = ImportCheck.written(advisory);
    List<String> lost = ImportCheck.lostFields(tree, written, settings);
    List<String> notes = new ArrayList<>();
    Advisory tidied = ForeignRecordTidy.tidy(advisory, notes);
    if (!lost.isEmpty()) {
      notes.add(
          "cannot represent exactly: "
              + String.join(", ", lost)
              + " (exported again, these differ from the record; compare the file with it)");
    }
    // The record as imported, as its file: the one just written, unless the tidying changed it.
    return AdvisoryImport.Candidate.of(
        origin, tidied.equals(advisory) ? written : ImportCheck.written(tidied, written), notes);
  }

  static String firstLine(String message) {
    if (message == null) return "unreadable";
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
