package dev.disclose.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.Status;
import dev.disclose.ghsa.GhsaReader;
import dev.disclose.importing.AdvisoryImport.Input;
import dev.disclose.osv.OsvExporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code disclose import ghsa}: GitHub's repository security advisories as its REST API returns
 * them (one object, or the array {@code gh api --paginate} prints), drafts included → advisories,
 * each read as the OSV record GitHub would publish and then as {@link OsvImport} reads one.
 */
public final class GhsaImport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GhsaImport() {}

  /** Every JSON file under {@code paths}: files, folders (recursively) and zips. */
  public static List<Input> inputs(List<Path> paths) throws IOException {
    return ImportInputs.read(paths, name -> name.endsWith(".json"));
  }

  /** Each advisory of each input, stated as an advisory, or why it cannot be. */
  public static List<AdvisoryImport.Candidate> candidates(List<Input> inputs, String prefix) {
    OsvExporter.Settings settings = OsvImport.settings(prefix);
    List<AdvisoryImport.Candidate> out = new ArrayList<>();
    for (Input in : inputs) {
      JsonNode tree;
      try {
        if (in.bytes().length > AdvisoryImport.MAX_BYTES)
          throw new IOException("larger than 1 MiB");
        tree = JSON.readTree(in.bytes());
      } catch (IOException | RuntimeException e) {
        out.add(
            AdvisoryImport.Candidate.failed(
                in.origin(),
                "",
                "not GitHub's advisory JSON: " + OsvImport.firstLine(e.getMessage())));
        continue;
      }
      if (tree.isArray()) {
        for (int i = 0; i < tree.size(); i++)
          out.add(candidate(in.origin() + "[" + i + "]", tree.get(i), settings));
      } else {
        out.add(candidate(in.origin(), tree, settings));
      }
    }
    return out;
  }

  private static AdvisoryImport.Candidate candidate(
      String origin, JsonNode record, OsvExporter.Settings settings) {
    GhsaReader.Read read;
    try {
      read = GhsaReader.read(record);
    } catch (IllegalArgumentException e) {
      String id = record.path("ghsa_id").asText("");
      return AdvisoryImport.Candidate.failed(origin, id, e.getMessage());
    }
    AdvisoryImport.Candidate c = OsvImport.candidate(origin, read.osv(), settings);
    if (c.advisory().isEmpty()) return c;
    Advisory a = c.advisory().get();
    List<Affected> affected = new ArrayList<>();
    for (int i = 0; i < a.affected().size(); i++) {
      Affected p = a.affected().get(i);
      List<String> names = i < read.functions().size() ? read.functions().get(i) : List.of();
      if (names.isEmpty()) {
        affected.add(p);
        continue;
      }
      Map<String, List<String>> functions = new LinkedHashMap<>();
      for (String n : names) functions.put(n, List.of());
      affected.add(p.withFunctions(functions));
    }
    a = a.withAffected(affected);
    List<String> notes = new ArrayList<>(c.notes());
    if (read.status() == Status.DRAFT) {
      a = a.withStatus(Status.DRAFT);
      notes.add("a draft on GitHub: imported as `status: draft`");
    }
    return AdvisoryImport.Candidate.of(origin, a, notes);
  }
}
