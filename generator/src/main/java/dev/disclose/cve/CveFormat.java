package dev.disclose.cve;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.Catalog;
import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.memo.Memo.Slot;
import dev.disclose.plan.Publication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CVE: for each CVE ID of a public advisory, {@code <CVE-ID>.cna.json}, the CNA container CVE
 * Services takes, and, when site-config.yaml's {@code cve} says the project is the CNA, {@code
 * <CVE-ID>.json}, the full CVE JSON 5 record ({@link CveRecordExporter}). Either is what cvelib's
 * {@code cve publish} (or {@code cve reject}, for a withdrawn advisory) reads.
 */
public final class CveFormat implements OutputFormat {
  public static final String NAME = "cve";

  /** One file of the export: its path in the format's folder, and its bytes. */
  public record File(String path, byte[] bytes) {}

  /** What an advisory's CVE files are made of. */
  record FilesInput(
      Advisory advisory,
      List<String> cveIds,
      CveRecordExporter.Settings settings,
      Optional<Instant> lastCommit) {}

  static final Slot<FilesInput, List<File>> FILES = new Slot<>("CVE records");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String folder() {
    return "cve/";
  }

  @Override
  public String summary() {
    return "<CVE-ID>.cna.json, the CNA container, and (for a CNA) <CVE-ID>.json, the CVE JSON 5"
        + " record, per CVE ID of a public advisory; what cvelib's cve publish reads.";
  }

  @Override
  public boolean readsPlan() {
    return false;
  }

  @Override
  public Written write(Publication publication, FileSink sink, Memo memo) throws IOException {
    CveRecordExporter.Settings settings = CveRecordExporter.Settings.of(publication.config());
    Catalog catalog = publication.catalog();
    int written = 0;
    List<String> without = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Advisory a : catalog.advisories()) {
      if (a.cveIds().isEmpty()) {
        (a.cvePending() ? pending : without).add(a.id());
        continue;
      }
      if (a.affected().isEmpty() && a.withdrawn().isEmpty()) {
        notes.add(a.id() + " names no affected package, which a CVE record needs: not exported");
        continue;
      }
      List<String> ids = new ArrayList<>();
      for (String id : a.cveIds()) {
        Advisory owner = catalog.byId(id).or(() -> catalog.byAlias(id)).orElse(a);
        if (owner.id().equals(a.id())) ids.add(id);
        else notes.add(id + " is " + owner.id() + "'s record; " + a.id() + " names it too");
      }
      if (ids.size() > 1) {
        notes.add(
            a.id()
                + " has "
                + ids.size()
                + " CVE IDs ("
                + String.join(", ", ids)
                + "): each gets the same record; one vulnerability has one CVE, so the others"
                + " are likely duplicates for their CNA to reject");
      }
      for (File f : files(memo, a, ids, settings, publication.lastCommit(a))) {
        sink.put(f.path(), f.bytes());
        written++;
      }
    }
    if (!pending.isEmpty()) {
      notes.add(
          0,
          pending.size()
              + " advisories wait for a requested CVE ID and have no record yet: "
              + String.join(", ", pending.stream().sorted().toList()));
    }
    if (!without.isEmpty()) {
      notes.add(
          0,
          without.size()
              + " advisories without a CVE ID have no CVE record: "
              + String.join(", ", without.stream().sorted().toList()));
    }
    if (settings.cve().cnaOrgId().isEmpty() && written > 0) {
      notes.add(
          "site-config.yaml's `cve` names no CNA (`cna: true` with its `assigner_org_id`): wrote"
              + " CNA containers only, for the CNA that assigned the IDs");
    }
    return new Written(written, notes);
  }

  /** The advisory's files, two for each of {@code cveIds} (one without a CNA). */
  public static List<File> files(
      Memo memo,
      Advisory advisory,
      List<String> cveIds,
      CveRecordExporter.Settings settings,
      Optional<Instant> lastCommit) {
    return memo.get(
        FILES,
        advisory.id(),
        new FilesInput(advisory, List.copyOf(cveIds), settings, lastCommit),
        in -> {
          List<File> out = new ArrayList<>();
          String container =
              CveRecordExporter.json(CveRecordExporter.container(in.advisory(), in.settings()));
          for (String id : in.cveIds()) {
            CveRecordExporter.record(in.advisory(), id, in.settings(), in.lastCommit())
                .ifPresent(r -> out.add(file(id + ".json", CveRecordExporter.json(r))));
            out.add(file(id + ".cna.json", container));
          }
          return out;
        });
  }

  private static File file(String path, String text) {
    return new File(path, text.getBytes(StandardCharsets.UTF_8));
  }
}
