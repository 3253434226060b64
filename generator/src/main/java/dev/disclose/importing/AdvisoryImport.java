package dev.disclose.importing;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.advisory.ImportedFrom;
import dev.disclose.advisory.Status;
import dev.disclose.advisory.Timestamp;
import dev.disclose.load.SiteRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The part of every import that does not depend on the source database: numbering each record for
 * the site (or keeping its ID), finding earlier imports of it so importing again changes nothing,
 * and writing the advisory file. {@link OsvImport} and {@link RustSecImport} turn their inputs into
 * {@link Candidate}s.
 */
public final class AdvisoryImport {
  /**
   * One record read from the source database: the advisory it states, or why it cannot be read;
   * {@code written}: that advisory as its file, when the reading already wrote it.
   */
  public record Candidate(
      String origin,
      String recordId,
      Optional<Advisory> advisory,
      List<String> notes,
      Optional<String> error,
      Optional<Written> written) {
    public static Candidate of(String origin, Advisory advisory, List<String> notes) {
      return new Candidate(
          origin,
          advisory.id(),
          Optional.of(advisory),
          List.copyOf(notes),
          Optional.empty(),
          Optional.empty());
    }

    /** As above, with the advisory's file already written ({@code written.advisory()}). */
    static Candidate of(String origin, Written written, List<String> notes) {
      return new Candidate(
          origin,
          written.advisory().id(),
          Optional.of(written.advisory()),
          List.copyOf(notes),
          Optional.empty(),
          Optional.of(written));
    }

    public static Candidate failed(String origin, String recordId, String error) {
      return new Candidate(
          origin, recordId, Optional.empty(), List.of(), Optional.of(error), Optional.empty());
    }

    /** The file that keeps the record as imported: its advisory's, written now if not yet. */
    String baseText() {
      return written.map(Written::text).orElseGet(() -> AdvisoryWriter.write(advisory.get()));
    }
  }

  /**
   * An advisory, its file as {@link AdvisoryWriter} writes it, and what parsing that file gives
   * (empty if it does not read back): made once by the reading that checks the round trip, and
   * reused to keep the record as imported.
   */
  public record Written(Advisory advisory, String text, Optional<Advisory> readBack) {}

  /**
   * What happened to one record: the advisory it became or was merged into, whether its file
   * changed, and for a merge each field's change as diff lines ({@code field: + value}).
   */
  public record Outcome(
      String origin,
      String recordId,
      Optional<String> advisoryId,
      Optional<Path> file,
      boolean changed,
      List<String> notes,
      Optional<String> error,
      List<String> diff) {
    public Outcome {
      notes = List.copyOf(notes);
      diff = List.copyOf(diff);
    }

    static Outcome failed(String origin, String recordId, Optional<String> id, String error) {
      return new Outcome(
          origin, recordId, id, Optional.empty(), false, List.of(), Optional.of(error), List.of());
    }
  }

  /** How conflicting changes to one field are settled: reported, or one side's kept. */
  public enum Prefer {
    NONE,
    OURS,
    THEIRS
  }

  /** Writes a file (atomically, in the CLI). */
  public interface IoWriter {
    void write(Path file, String text) throws IOException;
  }

  /** A record, like an advisory file, is at most 1 MiB. */
  static final long MAX_BYTES = SiteRoot.MAX_BYTES;

  /**
   * One input record: where it came from, and its bytes ({@code yaml}: OSV records may be YAML).
   */
  public record Input(String origin, byte[] bytes, boolean yaml) {}

  private AdvisoryImport() {}

  /**
   * Imports {@code candidates} into {@code siteRoot}/advisories. {@code existing}: the site's
   * advisories, to find the one a record matches (by its ID or a shared alias) and the next free
   * IDs. A record that matches an advisory is merged into it ({@link ImportMerge}), any other is
   * written as a new advisory; either way the record as imported is kept under {@code
   * .disclose/imported/} so that the next import tells their changes from ours. {@code write}
   * false: report only.
   */
  public static List<Outcome> run(
      List<Candidate> candidates,
      List<Advisory> existing,
      Path siteRoot,
      String prefix,
      boolean keepIds,
      Prefer prefer,
      boolean write,
      IoWriter writer)
      throws IOException {
    Map<String, Advisory> byId = new HashMap<>();
    Map<String, Advisory> byAlias = new HashMap<>();
    Map<Integer, Integer> lastNumber = new HashMap<>();
    for (Advisory a : existing) {
      byId.put(a.id(), a);
      for (String alias : a.aliases()) byAlias.putIfAbsent(alias, a);
      AdvisoryId.parseOwn(a.id(), prefix)
          .ifPresent(o -> lastNumber.merge(o.year(), o.number(), Math::max));
    }
    Map<String, Publication> earliest = earliestPublications(candidates, existing);
    Set<String> seen = new HashSet<>();
    // Each record's turn, taken in the records' order once all are decided: the files' texts are
    // made ahead, in parallel, and the files are read and written one by one, in that order.
    List<Turn> out = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.advisory().isEmpty()) {
        out.add(
            () -> Outcome.failed(c.origin(), c.recordId(), Optional.empty(), c.error().orElse("")));
        continue;
      }
      Advisory imported = c.advisory().get();
      String recordId = imported.id();
      if (!seen.add(recordId)) {
        out.add(
            () ->
                Outcome.failed(
                    c.origin(),
                    recordId,
                    Optional.empty(),
                    "a second record with the ID "
                        + recordId
                        + " in this import; the first one was imported"));
        continue;
      }
      // The advisory this record is about: by its ID, or by an ID both know (a CVE, a GHSA).
      // Once a record is here under its own ID, an advisory imported from another record that
      // shares a CVE with it (the same bug in a Go and a PyPI package) is that record's, not a
      // second match.
      Set<Advisory> matches = new LinkedHashSet<>();
      Optional.ofNullable(byId.get(recordId)).ifPresent(matches::add);
      Optional.ofNullable(byAlias.get(recordId)).ifPresent(matches::add);
      boolean holdsItsId = !matches.isEmpty();
      for (String known : imported.aliases()) {
        for (Advisory a :
            Stream.of(byId.get(known), byAlias.get(known)).filter(x -> x != null).toList()) {
          boolean anotherRecord =
              a.importedFrom().filter(from -> !from.id().equals(recordId)).isPresent();
          if (!(holdsItsId && anotherRecord)) matches.add(a);
        }
      }
      if (matches.size() > 1) {
        out.add(
            () ->
                Outcome.failed(
                    c.origin(),
                    recordId,
                    Optional.empty(),
                    "the record's IDs match "
                        + String.join(" and ", matches.stream().map(Advisory::id).toList())
                        + "; merge those advisories, or remove the alias one of them should not have"));
        continue;
      }
      List<String> notes = new ArrayList<>(c.notes());
      if (!matches.isEmpty()) {
        Advisory ours = matches.iterator().next();
        out.add(() -> merged(c, imported, ours, siteRoot, prefer, notes, write, writer));
        continue;
      }
      String id;
      List<String> aliases = new ArrayList<>(imported.aliases());
      if (keepIds) {
        id = recordId;
      } else {
        int year = year(imported);
        int number = lastNumber.merge(year, 1, (a, b) -> a + b);
        id = AdvisoryId.format(prefix, year, number);
        aliases.add(0, recordId);
      }
      Advisory titled = imported;
      if (imported.title().isBlank()) {
        // PyPA's records have no summary; the format needs a title.
        String first = imported.details().strip().split("(?<=[.!?])\\s|\\n", 2)[0];
        titled = imported.withTitle(shortened(first));
        notes.add("no summary: the title is the details' first sentence; check it");
      }
      Advisory renamed =
          dated(titled, earliest, notes)
              .withId(id, aliases.stream().distinct().filter(x -> !x.equals(id)).toList())
              .withImportedFrom(Optional.of(ImportedFrom.of(recordId)));
      String year =
          AdvisoryId.parseOwn(id, prefix)
              .map(o -> String.valueOf(o.year()))
              .orElse(String.valueOf(year(imported)));
      Path advisories = siteRoot.resolve("advisories").normalize();
      Path file = advisories.resolve(year).resolve(id + ".md").normalize();
      if (!file.startsWith(advisories) || !file.getFileName().toString().equals(id + ".md")) {
        out.add(
            () ->
                Outcome.failed(
                    c.origin(),
                    recordId,
                    Optional.of(id),
                    "the ID `" + id + "` cannot be a file name under advisories/"));
        continue;
      }
      if (imported.details().isBlank())
        notes.add("the record has no details: write them (validation asks, C001)");
      if (imported.withdrawn().isPresent() && imported.withdrawn().get().reason().isBlank()) {
        notes.add(
            "withdrawn without a reason (the source has no field for one): the file says so; give the reason");
      }
      Ahead<String> text =
          Ahead.start(
              () ->
                  c.written()
                      .map(w -> AdvisoryWriter.writeLike(renamed, w.advisory(), w.text()))
                      .orElseGet(() -> AdvisoryWriter.write(renamed)));
      out.add(
          () -> {
            boolean changed = !Files.exists(file) || !Files.readString(file).equals(text.get());
            if (write && changed) writer.write(file, text.get());
            if (write) ImportBases.save(siteRoot, recordId, c.baseText(), writer);
            return new Outcome(
                c.origin(),
                recordId,
                Optional.of(id),
                Optional.of(file),
                changed,
                notes,
                Optional.empty(),
                List.of());
          });
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Turn turn : out) outcomes.add(turn.take());
    return outcomes;
  }

  /** One record's reading and writing of the site's files, and what came of it. */
  @FunctionalInterface
  private interface Turn {
    Outcome take() throws IOException;
  }

  /** Merges {@code imported} into {@code ours}, the advisory it matched, and writes the edit. */
  private static Outcome merged(
      Candidate c,
      Advisory imported,
      Advisory ours,
      Path siteRoot,
      Prefer prefer,
      List<String> notes,
      boolean write,
      IoWriter writer)
      throws IOException {
    String recordId = imported.id();
    Path file = siteRoot.resolve(ours.source().relativePath()).normalize();
    if (!file.startsWith(siteRoot.resolve("advisories").normalize()) || !Files.isRegularFile(file))
      return Outcome.failed(
          c.origin(),
          recordId,
          Optional.of(ours.id()),
          "cannot read " + ours.source().relativePath());
    ImportMerge.Result merge =
        ImportMerge.merge(
            ours, imported, ImportBases.read(siteRoot, recordId, c.written()), recordId, prefer);
    if (!merge.conflicts().isEmpty()) {
      List<String> lines = new ArrayList<>();
      for (ImportMerge.Conflict k : merge.conflicts())
        lines.add(k.field() + ": ours `" + k.ours() + "`, theirs `" + k.theirs() + "`");
      return Outcome.failed(
          c.origin(),
          recordId,
          Optional.of(ours.id()),
          "both "
              + ours.id()
              + " and the record changed "
              + String.join("; ", lines)
              + ". Edit the advisory to the versions that are right, or import again with"
              + " --prefer ours or --prefer theirs");
    }
    notes.addAll(merge.notes());
    String before = Files.readString(file);
    String after = before;
    if (merge.changes()) {
      Optional<String> edited = FrontMatterEdit.apply(before, merge.before(), merge.edits());
      if (edited.isEmpty())
        return Outcome.failed(
            c.origin(),
            recordId,
            Optional.of(ours.id()),
            ours.source().relativePath() + " cannot be edited: fix its front matter first");
      after = edited.get();
    }
    boolean changed = !after.equals(before);
    if (write && changed) writer.write(file, after);
    if (write) ImportBases.save(siteRoot, recordId, c.baseText(), writer);
    return new Outcome(
        c.origin(),
        recordId,
        Optional.of(ours.id()),
        Optional.of(file),
        changed,
        // How the record was read was said when it was first written; again only with a change.
        changed ? notes : merge.notes(),
        Optional.empty(),
        merge.diff());
  }

  /** A title of at most 100 characters: {@code sentence}, else its words that fit, and "…". */
  static String shortened(String sentence) {
    if (sentence.length() <= 100) return sentence;
    int cut = sentence.lastIndexOf(' ', 99);
    // A word is not split, unless one word fills most of the line.
    int end = cut > 60 ? cut : Character.isHighSurrogate(sentence.charAt(98)) ? 98 : 99;
    String kept = sentence.substring(0, end).stripTrailing();
    return kept.replaceAll("[\\s,;:]+$", "") + "…";
  }

  /** When an ID was first published, and by which record or advisory (its ID). */
  private record Publication(Timestamp date, String by) {}

  /**
   * The earliest publication known of each ID: of the records imported and the site's advisories,
   * under their own IDs and their aliases; what dates a record its database left undated.
   */
  private static Map<String, Publication> earliestPublications(
      List<Candidate> candidates, List<Advisory> existing) {
    Map<String, Publication> earliest = new HashMap<>();
    List<Advisory> all = new ArrayList<>(existing);
    for (Candidate c : candidates) c.advisory().ifPresent(all::add);
    for (Advisory a : all) {
      if (a.published().isEmpty()) continue;
      Publication p = new Publication(a.published().get(), a.id());
      for (String known : concat(a.id(), a.aliases()))
        earliest.merge(known, p, (x, y) -> x.date().compareTo(y.date()) <= 0 ? x : y);
    }
    return earliest;
  }

  /**
   * {@code imported} dated, when its database gave no publication date, by its last change, else by
   * the earliest publication of an ID it shares ({@code earliest}); else left unknown.
   */
  private static Advisory dated(
      Advisory imported, Map<String, Publication> earliest, List<String> notes) {
    if (imported.published().isPresent()
        || imported.status() != Status.PUBLISHED && imported.status() != Status.WITHDRAWN)
      return imported;
    if (imported.modified().isPresent()) {
      notes.add("no publication date: dated by its last change, " + imported.modified().get());
      return imported.withPublished(imported.modified());
    }
    Optional<String> shared =
        imported.aliases().stream()
            .filter(earliest::containsKey)
            .min(Comparator.comparing((String id) -> earliest.get(id).date()));
    if (shared.isPresent()) {
      Publication p = earliest.get(shared.get());
      notes.add(
          "no publication date: dated "
              + p.date()
              + ", when "
              + p.by()
              + ", which shares "
              + shared.get()
              + ", was published");
      return imported.withPublished(Optional.of(p.date()));
    }
    notes.add("no publication date: its pages show it as unknown; add it if you know it");
    return imported;
  }

  /**
   * The year an imported record is numbered and filed in: its publication's, a draft's last
   * change's, else its ID's (the Go database's repository records carry the zero time until they
   * are deployed), else the year it is imported, as the site numbers what it writes; never a year a
   * reader would take for a date.
   */
  static int year(Advisory imported) {
    for (Optional<Timestamp> t : List.of(imported.effectivePublished(), imported.modified())) {
      if (t.isPresent() && t.get().date().getYear() > 1990) return t.get().date().getYear();
    }
    return AdvisoryId.year(imported.id()).orElseGet(() -> Year.now(ZoneOffset.UTC).getValue());
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
