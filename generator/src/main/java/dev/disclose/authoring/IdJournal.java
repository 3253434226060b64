package dev.disclose.authoring;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Renumbers a set of advisory files as one change: every new file is written under a hidden
 * temporary name first, then a journal naming each move, then each file is renamed to its new name
 * and its new text put in place, and the journal is removed last. A run that stops midway (killed,
 * or failing) is completed by the next command that opens the site ({@link #complete}), so an
 * advisory is never published under two IDs: at every instant each one has a single file.
 */
public final class IdJournal {
  /** The journal, in the site root while a run is under way. */
  static final String FILE = ".disclose-assign-ids.json";

  /** How a new file's temporary name ends, beside its new name. */
  static final String TEMPORARY = ".assigning";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Called after each advisory is moved: a test stops the run there, as a kill would. */
  static Runnable afterEachMove = () -> {};

  private IdJournal() {}

  /** One advisory's move: from its file to its new one, whose text waits in {@code temp}. */
  record Move(String from, String to, String temp) {}

  /** One advisory to renumber: its file, its new file and the new file's text. */
  record Rewrite(Path from, Path to, String text) {}

  /** Moves and rewrites every file of {@code rewrites}, all of them or, on failure, none. */
  static void apply(SiteRoot site, List<Rewrite> rewrites) throws SiteException {
    if (rewrites.isEmpty()) return;
    Path root = site.root();
    List<Move> moves = new ArrayList<>();
    try {
      for (Rewrite r : rewrites) {
        Path temp = r.to().resolveSibling("." + r.to().getFileName() + TEMPORARY);
        moves.add(new Move(relative(root, r.from()), relative(root, r.to()), relative(root, temp)));
        Files.createDirectories(temp.getParent());
        AtomicFiles.writeNew(temp, r.text().getBytes(StandardCharsets.UTF_8));
      }
      AtomicFiles.write(root.resolve(FILE), JSON.writeValueAsBytes(moves));
    } catch (IOException e) {
      // Before the journal nothing is moved: the temporary files go, the advisories stay.
      for (Move m : moves) deleteQuietly(root.resolve(m.temp()));
      throw SiteException.io("cannot renumber the advisories", e);
    }
    finish(site, moves);
  }

  /**
   * Completes the run of {@code assign-ids} that stopped midway in {@code site}, if any: the number
   * of advisories its journal names, or 0 without one.
   */
  public static int complete(SiteRoot site) throws SiteException {
    Path journal = site.root().resolve(FILE);
    if (!Files.isRegularFile(journal, LinkOption.NOFOLLOW_LINKS)) return 0;
    List<Move> moves;
    try {
      moves = JSON.readValue(journal.toFile(), new TypeReference<List<Move>>() {});
    } catch (IOException e) {
      throw new SiteException(
          site.display().of(journal)
              + " (left by an interrupted `disclose assign-ids`) cannot be read: "
              + e.getMessage()
              + "; check advisories/ by hand with `git status`, then delete it",
          e);
    }
    for (Move m : moves) {
      for (String p : List.of(m.from(), m.to(), m.temp())) {
        // The journal is a file in the site, as untrusted as any: it may only name advisories,
        // and a temporary file beside the new one.
        if (p == null
            || !insideAdvisories(site, site.root().resolve(p))
            || !m.temp()
                .equals(
                    Path.of(m.to())
                        .resolveSibling("." + Path.of(m.to()).getFileName() + TEMPORARY)
                        .toString())) {
          throw new SiteException(
              site.display().of(journal)
                  + " names `"
                  + p
                  + "`, which is no file of advisories/ it may move; delete it and check"
                  + " advisories/ by hand");
        }
      }
    }
    finish(site, moves);
    return moves.size();
  }

  /** Moves each advisory to its new name, then its new text over it; then removes the journal. */
  private static void finish(SiteRoot site, List<Move> moves) throws SiteException {
    Path root = site.root();
    try {
      for (Move m : moves) {
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
          "cannot finish renumbering the advisories (the next disclose command completes it)", e);
    }
  }

  /** Whether {@code p} lies in advisories/, also once symbolic links on the way are followed. */
  private static boolean insideAdvisories(SiteRoot site, Path p) {
    Path lexical = p.normalize();
    if (!lexical.startsWith(site.advisoriesDir())) return false;
    Path existing = lexical;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS))
      existing = existing.getParent();
    try {
      return existing != null
          && existing.toRealPath().startsWith(site.advisoriesDir().toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p.toAbsolutePath().normalize()).toString();
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
