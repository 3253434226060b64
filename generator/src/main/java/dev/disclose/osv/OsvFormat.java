package dev.disclose.osv;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.memo.Memo.Slot;
import dev.disclose.plan.Publication;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * OSV: {@code <ID>.json} per advisory and {@code all.json}, the list OSV.dev's REST ingestion
 * polls; then, made of every record at once, {@code all.zip} and {@code <Ecosystem>/all.zip},
 * osv-scanner's offline databases ({@link OsvDatabase}).
 *
 * <p>A record kept under another database's ID ({@code disclose import --keep-ids}) is left out,
 * with a note: an OSV ID's prefix names the record's home database, and of two records with one ID
 * OSV takes the later-modified as authoritative, so publishing {@code GHSA-…} here would compete
 * with GitHub's own record. OSV.dev already has it from its home; an import without {@code
 * --keep-ids} makes it this site's own record, with that ID as an alias.
 */
public final class OsvFormat implements OutputFormat {
  /**
   * An advisory's OSV record, and its file's bytes: equal when the records are, the bytes being
   * made of it.
   */
  public record OsvFile(OsvRecord record, byte[] json) {
    static OsvFile of(OsvRecord record) {
      return new OsvFile(record, OsvDatabase.json(record));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OsvFile other && record.equals(other.record);
    }

    @Override
    public int hashCode() {
      return record.hashCode();
    }
  }

  /** What an advisory's OSV file is made of. */
  record RecordInput(
      Advisory advisory, OsvExporter.Settings settings, Optional<Instant> lastCommit) {}

  static final Slot<RecordInput, OsvFile> RECORD = new Slot<>("OSV record");

  @Override
  public String name() {
    return "osv";
  }

  @Override
  public String folder() {
    return "osv/";
  }

  @Override
  public String summary() {
    return "<ID>.json per advisory; all.json for OSV.dev's REST ingestion; all.zip and <Ecosystem>/all.zip in"
        + " osv-scanner's offline layout, which disclose merge-osv merges into OSV.dev's.";
  }

  @Override
  public boolean readsPlan() {
    return false;
  }

  @Override
  public Written write(Publication publication, FileSink sink, Memo memo) throws IOException {
    return new Written(
        OsvDatabase.writeRecords(files(publication, memo), sink).size(), notes(publication));
  }

  @Override
  public Written writeBundles(Publication publication, FileSink sink, Memo memo, boolean oneThread)
      throws IOException {
    return new Written(OsvDatabase.writeZips(files(publication, memo), sink).size(), List.of());
  }

  @Override
  public Written writeAll(Publication publication, FileSink sink, Memo memo) throws IOException {
    OsvDatabase.Serialized files = files(publication, memo);
    return new Written(
        OsvDatabase.writeRecords(files, sink).size() + OsvDatabase.writeZips(files, sink).size(),
        notes(publication));
  }

  /** Whether the site's OSV export holds the advisory: not when its ID is another database's. */
  public static boolean publishes(Advisory a, OsvExporter.Settings settings) {
    return !AdvisoryId.isOtherDatabase(a.id(), settings.idPrefix());
  }

  /** The records left out, and why. */
  private static List<String> notes(Publication publication) {
    OsvExporter.Settings settings = OsvExporter.Settings.of(publication.config());
    List<String> foreign =
        publication.catalog().advisories().stream()
            .filter(a -> !publishes(a, settings))
            .map(Advisory::id)
            .toList();
    if (foreign.isEmpty()) return List.of();
    return List.of(
        (foreign.size() == 1 ? "1 advisory keeps" : foreign.size() + " advisories keep")
            + " another database's ID, which OSV knows from that database, so the OSV export"
            + " leaves them out rather than publish a rival record under it: "
            + String.join(", ", foreign)
            + "; to publish one as this site's own, give it this site's ID with its ID as an alias"
            + " (disclose import without --keep-ids does)");
  }

  /** Every public advisory's record and bytes, in ID order; made in parallel. */
  private static OsvDatabase.Serialized files(Publication publication, Memo memo) {
    OsvExporter.Settings settings = OsvExporter.Settings.of(publication.config());
    List<OsvFile> made =
        publication.catalog().advisories().parallelStream()
            .filter(a -> publishes(a, settings))
            .map(a -> file(memo, a, settings, publication.lastCommit(a)))
            .sorted(Comparator.comparing(f -> f.record().id()))
            .toList();
    return new OsvDatabase.Serialized(
        made.stream().map(OsvFile::record).toList(), made.stream().map(OsvFile::json).toList());
  }

  /**
   * The advisory's OSV file: a function of the advisory, the settings and its last commit's time.
   */
  public static OsvFile file(
      Memo memo, Advisory advisory, OsvExporter.Settings settings, Optional<Instant> lastCommit) {
    return memo.get(
        RECORD,
        advisory.id(),
        new RecordInput(advisory, settings, lastCommit),
        in -> OsvFile.of(OsvExporter.toOsv(in.advisory(), in.settings(), in.lastCommit())));
  }
}
