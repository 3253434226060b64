package dev.disclose.check;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Rule;
import dev.disclose.load.SiteRoot;
import dev.disclose.releases.Release;
import dev.disclose.urls.SitePaths;
import dev.disclose.yaml.Position;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * F013 file-collision: inputs that cannot both exist where a checkout or a build lands. Two files
 * whose paths differ only in case or Unicode normalization are one file on macOS and Windows, where
 * one silently replaces the other; two releases whose versions make one release page leave only one
 * of them on the site.
 */
final class InputCollisionCheck {
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

  private InputCollisionCheck() {}

  /**
   * {@code files}: every advisory file; {@code texts}: each release notes file's text by its path
   * from the site root.
   */
  static List<Diagnostic> check(
      SiteRoot site, List<Path> files, List<Release> releases, Map<String, String> texts) {
    List<Diagnostic> out = new ArrayList<>();
    Path root = site.root().toAbsolutePath().normalize();
    List<String> inputs = new ArrayList<>();
    for (Path f : files) {
      inputs.add(
          root.relativize(root.resolve(f).toAbsolutePath().normalize())
              .toString()
              .replace('\\', '/'));
    }
    inputs.addAll(texts.keySet());
    Map<String, List<String>> byCaselessPath = new LinkedHashMap<>();
    for (String input : inputs) {
      byCaselessPath.computeIfAbsent(caseless(input), k -> new ArrayList<>()).add(input);
    }
    for (List<String> same : byCaselessPath.values()) {
      if (same.size() < 2) continue;
      for (String input : same) {
        String other = same.get(same.get(0).equals(input) ? 1 : 0);
        out.add(
            Diagnostic.of(
                site.display().of(root.resolve(input)),
                Position.START,
                Rule.FILE_COLLISION,
                "this file and "
                    + site.display().of(root.resolve(other))
                    + " differ only in "
                    + howTheyDiffer(input, other)
                    + ": on macOS and Windows they are one file, and a checkout keeps only one of"
                    + " them; merge them into one file and delete the other"));
      }
    }
    releaseFolders(site, releases, texts, out);
    return out;
  }

  /** Two releases of one package whose versions are one release page, case aside. */
  private static void releaseFolders(
      SiteRoot site, List<Release> releases, Map<String, String> texts, List<Diagnostic> out) {
    Map<String, List<Release>> byFolder = new LinkedHashMap<>();
    for (Release r : releases) {
      String folder = SitePaths.release(r.ecosystem(), r.packageName(), r.version());
      byFolder.computeIfAbsent(folder.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r);
    }
    for (List<Release> same : byFolder.values()) {
      if (same.size() < 2) continue;
      for (Release r : same) {
        Release other = same.get(same.get(0) == r ? 1 : 0);
        String where =
            ReleaseLines.file(site, other) + ":" + ReleaseLines.version(other, texts).line();
        String message =
            other.version().equals(r.version())
                ? r.packageName()
                    + " "
                    + r.version()
                    + " is written twice, here and in "
                    + where
                    + ", and the site shows only the first; keep one entry for the version"
                : r.packageName()
                    + " "
                    + r.version()
                    + " and "
                    + other.version()
                    + " in "
                    + where
                    + " both become the release page "
                    + SitePaths.release(r.ecosystem(), r.packageName(), r.version())
                    + " (file names keep only ASCII letters, digits and . _ - @ + ~, and may ignore"
                    + " case), so one would overwrite the other; correct one of the versions";
        out.add(
            Diagnostic.of(
                ReleaseLines.file(site, r),
                ReleaseLines.version(r, texts),
                Rule.FILE_COLLISION,
                message));
      }
    }
  }

  /**
   * A path as case-insensitive, normalization-insensitive file systems compare it: Unicode's
   * canonical caseless form, NFD(casefold(NFD(path))).
   */
  static String caseless(String path) {
    return NFD.normalize(UCharacter.foldCase(NFD.normalize(path), true));
  }

  private static String howTheyDiffer(String one, String two) {
    if (NFC.normalize(one).equals(NFC.normalize(two))) {
      return "Unicode normalization (one is composed, NFC, the other decomposed, NFD)";
    }
    return NFC.isNormalized(one) == NFC.isNormalized(two)
        ? "case"
        : "case and Unicode normalization";
  }
}
