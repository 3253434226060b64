package dev.disclose.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Renumbers a set of advisory files as one change: every new file is written under a hidden
 * temporary name first, then a journal naming each move, then each file is renamed to its new name
 * and its new text put in place, and the journal is removed last. A run that stops midway (killed,
 * or failing) is completed by the next {@code disclose assign-ids} ({@link #complete}), so an
 * advisory is never published under two IDs: at every instant each one has a single file. Every
 * other command refuses to work on a site with a journal ({@link #refuseInterrupted}).
 *
 * <p>The journal is a file in the site, as untrusted as any (a pull request may hold one), so it is
 * carried out only if it has exactly the shape a run writes, and every path is checked again, link
 * by link, just before it is renamed.
 */
public final class IdJournal {
  /** The journal, in the site root while a run is under way. */
  static final String FILE = ".disclose-assign-ids.json";

  /** How a new file's temporary name ends, beside its new name. */
  static final String TEMPORARY = ".assigning";

  /**
   * The journal's reader and writer, made on first use, because every command looks for a journal
   * at start-up and only a run that finds or writes one needs JSON.
   */
  private static final class Json {
    static final ObjectMapper MAPPER =
        JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
  }

  /** Called after each advisory is moved: a test stops the run there, as a kill would. */
  static Runnable afterEachMove = () -> {};

  private IdJournal() {}

  /**
   * One advisory's move: from its file to its new one, whose text waits in {@code temp}; each a
   * path from the site root with forward slashes.
   */
  record Move(String from, String to, String temp) {}

  /** One advisory to renumber: its file, its new file and the new file's text. */
  record Rewrite(Path from, Path to, String text) {}

  /** Moves and rewrites every file of {@code rewrites}, all of them or, on failure, none. */
  static void apply(SiteRoot site, List<Rewrite> rewrites) throws SiteException {
    if (rewrites.isEmpty()) return;
    Path root = site.root();
    List<Move> moves = new ArrayList<>();
    for (Rewrite r : rewrites) {
      String to = relative(root, r.to());
      moves.add(new Move(relative(root, r.from()), to, JournalMoves.temporary(to)));
    }
    // What a run writes must pass what the next run accepts, or a stop midway could not be
    // finished.
    JournalMoves.Refusal refused = JournalMoves.refusal(site, moves);
    if (refused != null) {
      throw new SiteException(
          "cannot renumber "
              + site.display().of(rewrites.get(refused.index()).from())
              + ": its move "
              + refused.why()
              + "; assign-ids moves only ordinary files directly in advisories/ or in one folder"
              + " of it");
    }
    try {
      for (int i = 0; i < moves.size(); i++) {
        Path temp = root.resolve(moves.get(i).temp());
        Files.createDirectories(temp.getParent());
        AtomicFiles.writeNew(temp, rewrites.get(i).text().getBytes(StandardCharsets.UTF_8));
      }
      AtomicFiles.write(root.resolve(FILE), Json.MAPPER.writeValueAsBytes(moves));
    } catch (IOException e) {
      // Before the journal nothing is moved: the temporary files go, the advisories stay.
      for (Move m : moves) deleteQuietly(root.resolve(m.temp()));
      throw SiteException.io("cannot renumber the advisories", e);
    }
    finish(site, moves);
  }

  /**
   * Refuses to go on in {@code site} while a run of {@code assign-ids} is unfinished there: until
   * then some advisories have their new names and some their old ones.
   */
  public static void refuseInterrupted(SiteRoot site) throws SiteException {
    Path journal = site.root().resolve(FILE);
    if (!Files.exists(journal, LinkOption.NOFOLLOW_LINKS)) return;
    throw new SiteException(
        site.display().of(journal)
            + " says a `disclose assign-ids` run stopped midway, so some advisories may have their"
            + " new names and some their old ones: run `disclose assign-ids` to finish it, or delete"
            + " the file if it did not come from your own run");
  }

  /**
   * Completes the run of {@code assign-ids} that stopped midway in {@code site}, if any: the number
   * of advisories its journal names, or 0 without one. A journal of any other shape than a run
   * writes is refused whole, before anything moves.
   */
  public static int complete(SiteRoot site) throws SiteException {
    Path journal = site.root().resolve(FILE);
    if (!Files.exists(journal, LinkOption.NOFOLLOW_LINKS)) return 0;
    List<Move> moves = read(site, journal);
    JournalMoves.Refusal refused = JournalMoves.refusal(site, moves);
    if (refused != null) throw refuse(site, journal, refused);
    finish(site, moves);
    return moves.size();
  }

  /** The moves the journal names, if it is a JSON list of them and nothing else. */
  private static List<Move> read(SiteRoot site, Path journal) throws SiteException {
    JsonNode list;
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(journal, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attributes.isRegularFile()) {
        throw refuse(site, journal, "it is not an ordinary file");
      }
      if (attributes.size() > SiteRoot.MAX_BYTES) {
        throw refuse(site, journal, "it is larger than 1 MiB");
      }
      list = Json.MAPPER.readTree(Files.readAllBytes(journal));
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw refuse(
          site,
          journal,
          "it is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw SiteException.io("cannot read " + site.display().of(journal), e);
    }
    if (list == null || !list.isArray()) {
      throw refuse(site, journal, "it is not a JSON list of moves");
    }
    List<Move> moves = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      if (!entry.isObject()) {
        throw refuse(
            site,
            journal,
            new JournalMoves.Refusal(i, "is not an object with `from`, `to` and `temp`"));
      }
      for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!Set.of("from", "to", "temp").contains(name)) {
          throw refuse(
              site,
              journal,
              new JournalMoves.Refusal(i, "has an unknown field " + JournalMoves.shown(name)));
        }
      }
      String[] paths = new String[3];
      String[] fields = {"from", "to", "temp"};
      for (int f = 0; f < fields.length; f++) {
        JsonNode value = entry.get(fields[f]);
        if (value == null || !value.isTextual()) {
          throw refuse(
              site, journal, new JournalMoves.Refusal(i, "has no text `" + fields[f] + "`"));
        }
        paths[f] = value.textValue();
      }
      moves.add(new Move(paths[0], paths[1], paths[2]));
    }
    return moves;
  }

  /** Moves each advisory to its new name, then its new text over it; then removes the journal. */
  private static void finish(SiteRoot site, List<Move> moves) throws SiteException {
    Path root = site.root();
    try {
      for (int i = 0; i < moves.size(); i++) {
        Move m = moves.get(i);
        // A path checked before the first move may have changed since: check it just before.
        String why = JournalMoves.diskProblem(root, m);
        if (why != null) {
          throw new SiteException(
              "stopped renumbering the advisories: entry "
                  + (i + 1)
                  + " of "
                  + site.display().of(root.resolve(FILE))
                  + " "
                  + why
                  + "; check advisories/ by hand with `git status`, then delete the journal");
        }
        Path from = root.resolve(m.from());
        Path to = root.resolve(m.to());
        Path temp = root.resolve(m.temp());
        if (!Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) continue; // done before the stop
        // One rename: the advisory has its old name or its new one, never both.
        if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)
            && !Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
          Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        afterEachMove.run();
      }
      Files.delete(root.resolve(FILE));
      for (Move m : moves) removeEmptyParents(root.resolve(m.from()).getParent(), site);
    } catch (IOException e) {
      throw SiteException.io(
          "cannot finish renumbering the advisories (`disclose assign-ids` completes it)", e);
    }
  }

  private static SiteException refuse(SiteRoot site, Path journal, JournalMoves.Refusal refused) {
    return refuse(site, journal, "its entry " + (refused.index() + 1) + " " + refused.why());
  }

  private static SiteException refuse(SiteRoot site, Path journal, String why) {
    return new SiteException(
        "cannot finish the `disclose assign-ids` run that "
            + site.display().of(journal)
            + " says stopped midway: "
            + why
            + "; nothing was moved. If the file came from your own run, check advisories/ by hand"
            + " with `git status`, then delete it; otherwise just delete it");
  }

  private static String relative(Path root, Path p) {
    Path r = root.relativize(p.toAbsolutePath().normalize());
    List<String> parts = new ArrayList<>();
    for (Path part : r) parts.add(part.toString());
    return String.join("/", parts);
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a hidden leftover: the next run of assign-ids writes over it
    }
  }

  private static void removeEmptyParents(Path dir, SiteRoot site) throws IOException {
    Path stop = site.advisoriesDir();
    for (Path d = dir; d != null && d.startsWith(stop) && !d.equals(stop); d = d.getParent()) {
      if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) continue;
      try (var entries = Files.list(d)) {
        if (entries.findAny().isPresent()) return;
      }
      Files.delete(d);
    }
  }
}
