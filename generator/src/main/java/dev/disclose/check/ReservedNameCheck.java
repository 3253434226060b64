package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.config.SiteConfig;
import dev.disclose.config.SiteConfigLoader;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Rule;
import dev.disclose.load.SiteRoot;
import dev.disclose.releases.Release;
import dev.disclose.urls.SitePaths;
import dev.disclose.yaml.Position;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * P010 reserved-name: folder names the build writes for package names, aliases and release versions
 * that Windows cannot hold, so the site could not be checked out or built there.
 */
final class ReservedNameCheck {
  /** Windows' device names, alone or before any extension, in any case. */
  private static final Pattern DEVICE =
      Pattern.compile("(?i)(?:CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(?:\\..*)?");

  private ReservedNameCheck() {}

  /** Why Windows cannot hold the folder name {@code name}, if it cannot. */
  static Optional<String> problem(String name) {
    if (DEVICE.matcher(name).matches()) {
      return Optional.of("`" + name + "` is the name of a device on Windows");
    }
    if (name.endsWith(".") || name.endsWith(" ")) {
      return Optional.of(
          "`"
              + name
              + "` ends in a "
              + (name.endsWith(".") ? "dot" : "space")
              + ", which Windows drops");
    }
    return Optional.empty();
  }

  static List<Diagnostic> check(
      SiteRoot site,
      SiteConfigLoader.Loaded config,
      List<Advisory> advisories,
      List<Release> releases,
      Map<String, String> texts) {
    List<Diagnostic> out = new ArrayList<>();
    Path shownConfig = site.display().of(site.configFile());
    List<SiteConfig.PublishedPackage> packages = config.config().packages();
    for (int i = 0; i < packages.size(); i++) {
      SiteConfig.PublishedPackage p = packages.get(i);
      String folder = SitePaths.packagePage(p.ecosystem(), p.name());
      Position at = config.valuePosition("packages[" + i + "].name");
      folderProblem(folder)
          .ifPresent(why -> out.add(packageFinding(shownConfig, at, p.name(), folder, why)));
    }
    for (Advisory a : advisories) {
      for (int i = 0; i < a.affected().size(); i++) {
        Affected p = a.affected().get(i);
        if (p.ecosystem().isEmpty() || p.packageName().isEmpty()) continue;
        String folder = SitePaths.packagePage(p.ecosystem(), p.packageName());
        Position at = a.source().value("affected[" + i + "].package");
        folderProblem(folder)
            .ifPresent(
                why ->
                    out.add(packageFinding(a.source().file(), at, p.packageName(), folder, why)));
      }
      for (int i = 0; i < a.aliases().size(); i++) {
        String alias = a.aliases().get(i);
        // Only aliases that are folder names get a redirect folder.
        if (!SitePaths.isSafeSegment(alias)) continue;
        Position at = a.source().value("aliases[" + i + "]");
        problem(alias)
            .ifPresent(
                why ->
                    out.add(
                        Diagnostic.of(
                            a.source().file(),
                            at,
                            Rule.RESERVED_NAME,
                            "the alias `"
                                + alias
                                + "` would make the redirect folder "
                                + SitePaths.advisory(alias)
                                + ", but "
                                + why
                                + "; remove the alias (it is no vulnerability ID) or correct it")));
      }
    }
    for (Release r : releases) {
      String folder = SitePaths.release(r.ecosystem(), r.packageName(), r.version());
      String last =
          folder.substring(folder.lastIndexOf('/', folder.length() - 2) + 1, folder.length() - 1);
      problem(last)
          .ifPresent(
              why ->
                  out.add(
                      Diagnostic.of(
                          ReleaseLines.file(site, r),
                          ReleaseLines.version(r, texts),
                          Rule.RESERVED_NAME,
                          r.packageName()
                              + " "
                              + r.version()
                              + " would make the release folder "
                              + folder
                              + ", but "
                              + why
                              + "; correct the version as the package's registry spells it")));
    }
    return out;
  }

  /** The first folder name of {@code folder} (a page's path) Windows cannot hold, and why. */
  private static Optional<String> folderProblem(String folder) {
    for (String name : folder.split("/")) {
      Optional<String> why = problem(name);
      if (why.isPresent()) return why;
    }
    return Optional.empty();
  }

  private static Diagnostic packageFinding(
      Path file, Position at, String name, String folder, String why) {
    return Diagnostic.of(
        file,
        at,
        Rule.RESERVED_NAME,
        "the package `"
            + name
            + "` would make the folder "
            + folder
            + ", but "
            + why
            + "; correct the package name as its registry spells it");
  }
}
