package dev.disclose.govulndb;

import dev.disclose.advisory.Advisory;
import dev.disclose.config.SiteConfig;
import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.memo.Memo.Slot;
import dev.disclose.osv.OsvExporter;
import dev.disclose.osv.OsvFormat;
import dev.disclose.osv.OsvRecord;
import dev.disclose.plan.Publication;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Go vulnerability database of the site's Go packages ({@link GoVulnDb}), what {@code
 * govulncheck -db} reads: {@code index/} and {@code ID/<ID>.json}, each with its {@code .gz}.
 *
 * <p>Its entries are the site's OSV records with their Go packages only, so it holds what the OSV
 * export holds: a record kept under another database's ID is left out here too. A site with no Go
 * package (none in site-config.yaml's {@code packages}, none in a public advisory) has no database;
 * one that declares a Go package has one from the start, empty until its first advisory, so that
 * govulncheck pointed at it works before then.
 */
public final class GoVulnDbFormat implements OutputFormat {
  public static final String NAME = "go";

  static final Slot<OsvRecord, Optional<GoVulnDb.Entry>> ENTRY = new Slot<>("Go database entry");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String folder() {
    return "go/";
  }

  @Override
  public String summary() {
    return "index/db.json, index/modules.json, index/vulns.json and ID/<ID>.json, each with .gz:"
        + " the Go vulnerability database of the Go packages, which govulncheck -db reads.";
  }

  @Override
  public boolean readsPlan() {
    return false;
  }

  @Override
  public Written write(Publication publication, FileSink sink, Memo memo) throws IOException {
    Optional<Made> made =
        make(
            publication.catalog().advisories(),
            publication.config(),
            publication::lastCommit,
            memo);
    if (made.isEmpty()) {
      return new Written(
          0,
          List.of(
              "no Go package in site-config.yaml's `packages` or in a public advisory: no Go"
                  + " vulnerability database"));
    }
    for (Map.Entry<String, byte[]> f : made.get().files().entrySet())
      sink.put(f.getKey(), f.getValue());
    return new Written(made.get().files().size(), made.get().notes());
  }

  /** The database's files by path, and notes on what govulncheck makes of the advisories. */
  public record Made(Map<String, byte[]> files, List<String> notes) {}

  /**
   * The database of {@code advisories} (those to publish), or empty when the site has no Go
   * package; {@code lastCommit}: when an advisory's file last changed, which dates an advisory
   * without {@code modified}.
   */
  public static Optional<Made> make(
      List<Advisory> advisories,
      SiteConfig config,
      Function<Advisory, Optional<Instant>> lastCommit,
      Memo memo) {
    OsvExporter.Settings settings = OsvExporter.Settings.of(config);
    List<Advisory> go =
        advisories.stream()
            .filter(GoVulnDbFormat::hasGo)
            .sorted(Comparator.comparing(Advisory::id))
            .toList();
    if (go.isEmpty() && !declaresGo(config)) return Optional.empty();
    List<GoVulnDb.Entry> entries = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> foreign = new ArrayList<>();
    for (Advisory a : go) {
      if (!OsvFormat.publishes(a, settings)) {
        foreign.add(a.id());
        continue;
      }
      List<GoNotes.Note> found = GoNotes.of(a);
      found.forEach(n -> notes.add(n.text()));
      if (found.stream().anyMatch(GoNotes.Note::leftOut)) continue;
      OsvRecord record = OsvFormat.file(memo, a, settings, lastCommit.apply(a)).record();
      memo.get(ENTRY, a.id(), record, GoVulnDb::entry).ifPresent(entries::add);
    }
    if (!foreign.isEmpty()) {
      notes.add(
          0,
          String.join(", ", foreign)
              + (foreign.size() == 1 ? " keeps" : " keep")
              + " another database's ID and, as in the OSV export, "
              + (foreign.size() == 1 ? "is" : "are")
              + " left out: that database publishes the record");
    }
    return Optional.of(new Made(GoVulnDb.files(entries), notes));
  }

  static boolean hasGo(Advisory a) {
    return a.affected().stream().anyMatch(p -> p.ecosystem().equals(GoVulnDb.GO));
  }

  private static boolean declaresGo(SiteConfig config) {
    return config.packages().stream().anyMatch(p -> p.ecosystem().equals(GoVulnDb.GO));
  }
}
