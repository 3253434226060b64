package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Rule;
import dev.disclose.urls.SitePaths;
import dev.disclose.yaml.Position;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rules on the folders package names and aliases become: P006 name-too-long, P007 output-collision.
 * Folders are compared in lower case, as case-insensitive file systems do.
 */
final class OutputPathCheck {
  /** The longest file name in bytes most file systems hold. */
  static final int MAX_SEGMENT_BYTES = 255;

  /** The files a page folder holds besides its subfolders: its page and its feeds. */
  static final Set<String> PAGE_FILES = Set.of("index.html", "feed.xml", "atom.xml", "feed.json");

  private OutputPathCheck() {}

  /**
   * One name as written: where, what it is (an alias and an ID that are one string are one key),
   * and the folder it becomes.
   */
  private record Claim(
      Advisory advisory, Position position, String key, String name, String folder) {
    String where() {
      return name + " in " + advisory.source().file() + ":" + position.line();
    }
  }

  static List<Diagnostic> check(List<Advisory> advisories) {
    List<Diagnostic> out = new ArrayList<>();
    // The first claim of each distinct name, by its folder in lower case.
    Map<String, Map<String, Claim>> byFolder = new LinkedHashMap<>();
    for (Advisory a : advisories) {
      for (int i = 0; i < a.affected().size(); i++) {
        Affected p = a.affected().get(i);
        if (p.ecosystem().isEmpty() || p.packageName().isEmpty()) continue;
        Position at = a.source().value("affected[" + i + "].package");
        if (!nameProblems(a, at, p.packageName(), out)) continue;
        String folder = SitePaths.packagePage(p.ecosystem(), p.packageName());
        claim(
            byFolder,
            new Claim(
                a,
                at,
                p.ecosystem() + "\0" + p.packageName(),
                p.ecosystem() + " package `" + p.packageName() + "`",
                folder));
      }
      for (int i = 0; i < a.aliases().size(); i++) {
        String alias = a.aliases().get(i);
        // Only aliases that are folder names get a redirect page.
        if (!SitePaths.isSafeSegment(alias)) continue;
        Position at = a.source().value("aliases[" + i + "]");
        if (PAGE_FILES.contains(alias.toLowerCase(Locale.ROOT))) {
          out.add(
              Diagnostic.of(
                  a.source().file(),
                  at,
                  Rule.OUTPUT_COLLISION,
                  "the alias `"
                      + alias
                      + "` would make a redirect folder "
                      + SitePaths.advisory(alias)
                      + " where the advisories' list writes its file "
                      + SitePaths.ADVISORIES
                      + alias
                      + "; remove the alias (it is no vulnerability ID)"));
          continue;
        }
        claim(
            byFolder,
            new Claim(a, at, alias, "the alias `" + alias + "`", SitePaths.advisory(alias)));
      }
      if (!a.id().isEmpty()) {
        claim(
            byFolder,
            new Claim(
                a,
                a.source().value("id"),
                a.id(),
                "the ID `" + a.id() + "`",
                SitePaths.advisory(a.id())));
      }
    }
    byFolder.forEach(
        (folder, claims) -> {
          if (claims.size() > 1) {
            List<Claim> all = List.copyOf(claims.values());
            for (Claim c : all) {
              if (c.name().startsWith("the ID")) continue; // an ID's folder is its own
              Claim other = all.get(all.get(0) == c ? 1 : 0);
              out.add(
                  Diagnostic.of(
                      c.advisory().source().file(),
                      c.position(),
                      Rule.OUTPUT_COLLISION,
                      c.name()
                          + " and "
                          + other.where()
                          + " both become the folder "
                          + c.folder()
                          + " (file names keep only ASCII letters, digits and . _ - @ + ~, split at"
                          + " / and :, and may ignore case), so one page would overwrite the"
                          + " other; correct the name"));
            }
          }
          // A folder inside a file of another page's folder: x/y/atom.xml beside x/y.
          String lower = folder;
          int end = lower.length() - 1;
          while (true) {
            int slash = lower.lastIndexOf('/', end - 1);
            if (slash < 0) break;
            String name = lower.substring(slash + 1, end);
            String parent = lower.substring(0, slash + 1);
            Map<String, Claim> owners = byFolder.get(parent);
            if (PAGE_FILES.contains(name) && owners != null) {
              Claim owner = owners.values().iterator().next();
              for (Claim c : claims.values()) {
                out.add(
                    Diagnostic.of(
                        c.advisory().source().file(),
                        c.position(),
                        Rule.OUTPUT_COLLISION,
                        c.name()
                            + " would become the folder "
                            + c.folder()
                            + ", but "
                            + owner.where()
                            + " writes its page's file "
                            + owner.folder()
                            + c.folder().substring(slash + 1, end)
                            + " there; correct the name"));
              }
              break;
            }
            end = slash;
          }
        });
    return out;
  }

  /** Reports a package name that gives no folder of its own; true when it gives one. */
  private static boolean nameProblems(Advisory a, Position at, String name, List<Diagnostic> out) {
    Path file = a.source().file();
    int start = 0;
    for (int i = 0; i <= name.length(); i++) {
      if (i < name.length() && name.charAt(i) != '/' && name.charAt(i) != ':') continue;
      String part = name.substring(start, i);
      start = i + 1;
      String segment = SitePaths.segment(part);
      if (segment.length() > MAX_SEGMENT_BYTES) {
        out.add(
            Diagnostic.of(
                file,
                at,
                Rule.NAME_TOO_LONG,
                "a part of the package name is "
                    + segment.length()
                    + " characters long, more than the "
                    + MAX_SEGMENT_BYTES
                    + " bytes a file name can hold; correct the package name"));
        return false;
      }
      if (part.equals(".") || part.equals("..")) {
        out.add(
            Diagnostic.of(
                file,
                at,
                Rule.OUTPUT_COLLISION,
                "the package name has a part `"
                    + part
                    + "`, which names no folder of its own (it would be written as `-`); correct"
                    + " the package name"));
        return false;
      }
    }
    return true;
  }

  private static void claim(Map<String, Map<String, Claim>> byFolder, Claim c) {
    byFolder
        .computeIfAbsent(c.folder().toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>())
        .putIfAbsent(c.key(), c);
  }
}
