package dev.disclose.check;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.config.SiteConfig;
import dev.disclose.config.SiteConfigLoader;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Rule;
import dev.disclose.yaml.Position;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * P009 confusable-package: a package name that a reader cannot tell from another name of its
 * ecosystem in the site (their UTS #39 skeletons, taken case-folded, are equal), or that mixes
 * scripts as package names do not. Invisible and bidirectional characters are C006's.
 */
final class ConfusableNameCheck {
  /**
   * Highly restrictive: one script, or Latin with Han and the Japanese or Korean scripts; any other
   * mix (Latin with Cyrillic or Greek letters) is how a look-alike name is made.
   */
  private static final SpoofChecker CHECKER =
      new SpoofChecker.Builder()
          .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS)
          .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
          .build();

  private ConfusableNameCheck() {}

  /** A place a package name is written: an advisory, or site-config.yaml's `packages`. */
  private record Mention(String ecosystem, String name, Path file, Position position) {
    String where() {
      return file + ":" + position.line();
    }
  }

  /** A distinct name, where it is first written, and how much it is to be trusted. */
  private record Name(Mention first, String folded, String skeleton, int trust) {}

  static List<Diagnostic> check(
      List<Advisory> advisories, SiteConfigLoader.Loaded config, Path shownConfig) {
    Map<String, Name> names = new LinkedHashMap<>();
    List<SiteConfig.PublishedPackage> packages = config.config().packages();
    for (int i = 0; i < packages.size(); i++) {
      SiteConfig.PublishedPackage p = packages.get(i);
      Position at = config.valuePosition("packages[" + i + "].name");
      name(names, new Mention(p.ecosystem(), p.name(), shownConfig, at), true);
    }
    List<Mention> written = new ArrayList<>();
    for (Advisory a : advisories) {
      for (int i = 0; i < a.affected().size(); i++) {
        Affected p = a.affected().get(i);
        if (p.ecosystem().isEmpty() || p.packageName().isEmpty()) continue;
        Position at = a.source().value("affected[" + i + "].package");
        Mention m = new Mention(p.ecosystem(), p.packageName(), a.source().file(), at);
        written.add(m);
        name(names, m, false);
      }
    }
    // The names of one ecosystem that look alike, by their skeleton.
    Map<String, List<Name>> alike = new HashMap<>();
    for (Name n : names.values()) {
      alike
          .computeIfAbsent(n.first().ecosystem() + "\0" + n.skeleton(), k -> new ArrayList<>())
          .add(n);
    }
    List<Diagnostic> out = new ArrayList<>();
    for (Mention m : written) {
      Name self = names.get(key(m));
      Name other = null;
      // The name it is taken for: one that differs beyond case (case alone is P007's) and is at
      // least as trusted; the most trusted first.
      for (Name n : alike.get(m.ecosystem() + "\0" + self.skeleton())) {
        if (n.folded().equals(self.folded()) || n.trust() < self.trust()) continue;
        if (other == null || n.trust() > other.trust()) other = n;
      }
      if (other != null) {
        out.add(
            Diagnostic.of(
                m.file(),
                m.position(),
                Rule.CONFUSABLE_PACKAGE,
                m.ecosystem()
                    + " package `"
                    + m.name()
                    + "` looks like `"
                    + other.first().name()
                    + "` in "
                    + other.first().where()
                    + ": "
                    + difference(m.name(), other.first().name())
                    + "; write the name as its registry spells it, or check that this is the"
                    + " package meant"));
      } else if (CHECKER.failsChecks(m.name())) {
        out.add(
            Diagnostic.of(
                m.file(),
                m.position(),
                Rule.CONFUSABLE_PACKAGE,
                m.ecosystem()
                    + " package `"
                    + m.name()
                    + "` mixes scripts: "
                    + codePoints(foreign(m.name()))
                    + " among "
                    + UScript.getName(mainScript(m.name()))
                    + " letters; write the name as its registry spells it"));
      }
    }
    return out;
  }

  /**
   * Records a name at its first mention; names site-config.yaml declares are trusted most, then
   * names in ASCII, since a look-alike is made by swapping letters for other scripts'.
   */
  private static void name(Map<String, Name> names, Mention m, boolean declared) {
    if (names.containsKey(key(m))) return;
    boolean ascii = m.name().chars().allMatch(c -> c < 0x80);
    String folded = UCharacter.foldCase(m.name(), true);
    names.put(
        key(m), new Name(m, folded, CHECKER.getSkeleton(folded), declared ? 2 : ascii ? 1 : 0));
  }

  private static String key(Mention m) {
    return m.ecosystem() + "\0" + m.name();
  }

  /** What one name has where the other has something else: "U+0435 … here, U+0065 … there". */
  static String difference(String here, String there) {
    int[] a = here.codePoints().toArray();
    int[] b = there.codePoints().toArray();
    int start = 0;
    while (start < a.length && start < b.length && a[start] == b[start]) start++;
    int end = 0;
    while (end < a.length - start
        && end < b.length - start
        && a[a.length - 1 - end] == b[b.length - 1 - end]) end++;
    return codePoints(Arrays.copyOfRange(a, start, a.length - end))
        + " here, "
        + codePoints(Arrays.copyOfRange(b, start, b.length - end))
        + " there";
  }

  /** The code points of the scripts other than the name's main one, else those beyond ASCII. */
  private static int[] foreign(String name) {
    int main = mainScript(name);
    Set<Integer> out = new LinkedHashSet<>();
    name.codePoints()
        .filter(c -> isLetterScript(c) && UScript.getScript(c) != main)
        .forEach(out::add);
    if (out.isEmpty()) name.codePoints().filter(c -> c >= 0x80).forEach(out::add);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The script most of the name's letters are written in. */
  private static int mainScript(String name) {
    Map<Integer, Long> counts =
        name.codePoints()
            .filter(ConfusableNameCheck::isLetterScript)
            .boxed()
            .collect(Collectors.groupingBy(UScript::getScript, Collectors.counting()));
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(UScript.COMMON);
  }

  private static boolean isLetterScript(int c) {
    int script = UScript.getScript(c);
    return script != UScript.COMMON && script != UScript.INHERITED;
  }

  /** Code points as "U+0435 CYRILLIC SMALL LETTER IE", or "nothing". */
  private static String codePoints(int[] cps) {
    if (cps.length == 0) return "nothing";
    return Arrays.stream(cps)
        .mapToObj(
            c ->
                String.format(
                    "U+%04X %s",
                    c, Objects.requireNonNullElse(UCharacter.getName(c), "(unassigned)")))
        .collect(Collectors.joining(", "));
  }
}
