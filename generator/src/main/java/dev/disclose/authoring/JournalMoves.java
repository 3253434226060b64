package dev.disclose.authoring;

import dev.disclose.authoring.IdJournal.Move;
import dev.disclose.load.SiteRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The moves a journal may ask for: the shapes a run of assign-ids writes, checked on the names and
 * on disk, since a journal may come from a pull request.
 */
final class JournalMoves {
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

  /** The longest a shown path or value gets in a message. */
  private static final int SHOWN = 120;

  private JournalMoves() {}

  /** Why the move at {@code index} of a list may not be carried out. */
  record Refusal(int index, String why) {}

  /**
   * Why {@code moves} may not be carried out, or null: each must have the shape a run writes, no
   * two may name the same path or one inside another, and no path may pass a symbolic link.
   */
  static Refusal refusal(SiteRoot site, List<Move> moves) {
    Map<String, Integer> named = new HashMap<>();
    for (int i = 0; i < moves.size(); i++) {
      Move m = moves.get(i);
      String why = shapeProblem(m);
      if (why == null) why = diskProblem(site.root(), m);
      if (why != null) return new Refusal(i, why);
      for (String p : List.of(m.from(), m.to(), m.temp())) {
        Integer other = named.putIfAbsent(p, i);
        if (other != null) {
          return new Refusal(i, "names " + shown(p) + ", as entry " + (other + 1) + " does");
        }
      }
    }
    // One move could otherwise make a folder that another move's path then passes through.
    for (var e : named.entrySet()) {
      String p = e.getKey();
      for (int slash = p.indexOf('/'); slash >= 0; slash = p.indexOf('/', slash + 1)) {
        Integer outer = named.get(p.substring(0, slash));
        if (outer != null) {
          return new Refusal(
              e.getValue(),
              "names "
                  + shown(p)
                  + ", inside "
                  + shown(p.substring(0, slash))
                  + " of entry "
                  + (outer + 1));
        }
      }
    }
    return null;
  }

  /** What is wrong with the paths {@code m} names, whatever is on disk, or null. */
  private static String shapeProblem(Move m) {
    List<String> from = components(m.from());
    if (from == null || from.size() < 2 || from.size() > 3 || !isAdvisoryName(last(from))) {
      return "names `from` "
          + shown(m.from())
          + ", which is no advisory file (advisories/<name>.md or advisories/<folder>/<name>.md)";
    }
    List<String> to = components(m.to());
    if (to == null
        || to.size() != 3
        || !YEAR.matcher(to.get(1)).matches()
        || !Pattern.matches("[A-Z][A-Z0-9]{1,15}-" + to.get(1) + "-[0-9]{4,}\\.md", to.get(2))) {
      return "names `to` " + shown(m.to()) + ", which is not advisories/<YYYY>/<ID>.md";
    }
    if (!m.temp().equals(temporary(m.to()))) {
      return "names `temp` "
          + shown(m.temp())
          + ", which is not "
          + shown(temporary(m.to()))
          + ", the hidden file beside `to`";
    }
    return null;
  }

  /**
   * The components of {@code path}, a path from the site root into advisories/, or null unless each
   * is a plain name: not empty, not hidden (but for a temporary file's), no NUL or backslash.
   */
  private static List<String> components(String path) {
    if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) return null;
    List<String> parts = List.of(path.split("/", -1));
    if (!parts.get(0).equals(SiteRoot.ADVISORIES_DIR)) return null;
    for (int i = 1; i < parts.size(); i++) {
      String part = parts.get(i);
      boolean temporaryName = i == parts.size() - 1 && part.endsWith(".md" + IdJournal.TEMPORARY);
      if (part.isEmpty() || part.equals(".") || part.equals("..")) return null;
      if (part.startsWith(".") && !temporaryName) return null;
    }
    return parts;
  }

  private static boolean isAdvisoryName(String name) {
    return !name.startsWith(".")
        && name.toLowerCase(Locale.ROOT).endsWith(".md")
        && !name.equalsIgnoreCase("README.md");
  }

  /**
   * What on disk keeps {@code m} from being carried out, or null: a folder on the way that is a
   * symbolic link (or no folder), or a file that is no ordinary one; the root's own path is
   * trusted.
   */
  static String diskProblem(Path root, Move m) {
    for (String p : List.of(m.from(), m.to(), m.temp())) {
      List<String> parts = List.of(p.split("/"));
      Path at = root;
      for (int i = 0; i < parts.size(); i++) {
        at = at.resolve(parts.get(i));
        BasicFileAttributes attributes;
        try {
          attributes =
              Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
          break; // nothing below a missing folder either
        } catch (IOException e) {
          return "names " + shown(p) + ", which cannot be checked: " + e.getMessage();
        }
        String shown = shown(String.join("/", parts.subList(0, i + 1)));
        boolean file = i == parts.size() - 1;
        if (attributes.isSymbolicLink()) return "passes " + shown + ", a symbolic link";
        if (file && !attributes.isRegularFile()) {
          return "names " + shown + ", which is not an ordinary file";
        }
        if (!file && !attributes.isDirectory()) return "passes " + shown + ", which is no folder";
      }
    }
    return null;
  }

  /** The hidden file beside {@code to} that holds its new text until it is moved there. */
  static String temporary(String to) {
    int slash = to.lastIndexOf('/');
    return to.substring(0, slash + 1) + "." + to.substring(slash + 1) + IdJournal.TEMPORARY;
  }

  private static String last(List<String> parts) {
    return parts.get(parts.size() - 1);
  }

  /** {@code value} quoted for a message, shortened if long. */
  static String shown(String value) {
    return "`" + (value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value) + "`";
  }
}
