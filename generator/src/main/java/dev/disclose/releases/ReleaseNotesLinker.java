package dev.disclose.releases;

import dev.disclose.advisory.Advisory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds to release notes the security entries they lack: for each release and each public advisory
 * it fixes that its notes do not name, a line {@code - <title> (<ID>, <CVE>)} under {@code ###
 * Security} (created at the end of the release's section, where Keep a Changelog puts it). Nothing
 * else in the file changes, and a second run changes nothing.
 */
public final class ReleaseNotesLinker {
  /** One line to add: where (the file, the release) and what. */
  public record Addition(String file, int line, Release release, Advisory advisory, String entry) {}

  private ReleaseNotesLinker() {}

  /** What is missing: {@code advisories} must be the public ones. */
  public static List<Addition> missing(List<Release> releases, List<Advisory> advisories) {
    List<Addition> out = new ArrayList<>();
    ReleaseFixes fixes = ReleaseFixes.of(advisories);
    for (Release r : releases) {
      for (Advisory a : fixes.of(r)) {
        if (a.withdrawn().isPresent() || mentions(r.notes(), a)) continue;
        out.add(new Addition(r.source(), r.line(), r, a, entry(a)));
      }
    }
    return out;
  }

  /** The entry for an advisory: its title, ID and CVE. */
  public static String entry(Advisory a) {
    String cve =
        a.aliases().stream()
            .filter(x -> x.startsWith("CVE-"))
            .findFirst()
            .map(x -> ", " + x)
            .orElse("");
    return "- " + a.title() + " (" + a.id() + cve + ")";
  }

  /** Whether release notes name the advisory, by its ID or an alias. */
  public static boolean mentions(String notes, Advisory a) {
    if (notes.contains(a.id())) return true;
    return a.aliases().stream().anyMatch(notes::contains);
  }

  /** The files with the additions made, file → new text. {@code texts}: file → current text. */
  public static Map<String, String> apply(List<Addition> additions, Map<String, String> texts) {
    Map<String, List<Addition>> byFile = new LinkedHashMap<>();
    for (Addition a : additions) byFile.computeIfAbsent(a.file(), f -> new ArrayList<>()).add(a);
    Map<String, String> out = new LinkedHashMap<>();
    byFile.forEach(
        (file, list) -> {
          String text = texts.get(file);
          // Bottom up, so that earlier line numbers stay right.
          List<Addition> sorted = new ArrayList<>(list);
          sorted.sort((x, y) -> Integer.compare(y.line(), x.line()));
          Map<Integer, List<String>> byRelease = new LinkedHashMap<>();
          for (Addition a : sorted)
            byRelease.computeIfAbsent(a.line(), l -> new ArrayList<>()).add(0, a.entry());
          for (Map.Entry<Integer, List<String>> e : byRelease.entrySet())
            text = insert(text, e.getKey(), e.getValue());
          out.put(file, text);
        });
    return out;
  }

  /**
   * Inserts {@code entries} into the section starting at line {@code headingLine} (1-based; 1 for a
   * one-release file): at the end of its {@code ### Security} list, or in a new such subsection at
   * the end of the section.
   */
  static String insert(String text, int headingLine, List<String> entries) {
    boolean trailingNewline = text.endsWith("\n");
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (trailingNewline) lines.remove(lines.size() - 1);
    int start = headingLine - 1;
    boolean oneFile =
        headingLine == 1
            && !(lines.size() > 0
                && ReleaseNotesParser.CHANGELOG_HEADING.matcher(lines.get(0)).matches());
    if (oneFile && !lines.isEmpty() && lines.get(0).equals("---")) {
      for (int i = 1; i < lines.size(); i++)
        if (lines.get(i).equals("---")) {
          start = i;
          break;
        }
    }
    int end = lines.size();
    for (int i = start + 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!oneFile
          && (l.startsWith("## ") || ReleaseNotesParser.LINK_DEFINITION.matcher(l).matches())) {
        end = i;
        break;
      }
    }
    int security = -1;
    for (int i = start + 1; i < end; i++)
      if (lines.get(i).strip().equalsIgnoreCase("### Security")) {
        security = i;
        break;
      }
    int at;
    List<String> block = new ArrayList<>();
    if (security >= 0) {
      int subEnd = end;
      for (int i = security + 1; i < end; i++)
        if (lines.get(i).startsWith("### ") || lines.get(i).startsWith("## ")) {
          subEnd = i;
          break;
        }
      at = subEnd;
      while (at > security + 1 && lines.get(at - 1).isBlank()) at--;
      block.addAll(entries);
    } else {
      at = end;
      while (at > start + 1 && lines.get(at - 1).isBlank()) at--;
      block.add("");
      block.add("### Security");
      // As the file's own subsections do: a blank line after the heading, or none.
      boolean blankAfterHeading = false;
      for (int i = start + 1; i < end - 1; i++) {
        if (lines.get(i).startsWith("### ")) {
          blankAfterHeading = lines.get(i + 1).isBlank();
          break;
        }
      }
      if (blankAfterHeading) block.add("");
      block.addAll(entries);
    }
    lines.addAll(at, block);
    return String.join("\n", lines) + (trailingNewline ? "\n" : "");
  }
}
