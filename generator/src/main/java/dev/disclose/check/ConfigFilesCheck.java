package dev.disclose.check;

import dev.disclose.config.SiteConfig;
import dev.disclose.config.SiteConfigLoader;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Rule;
import dev.disclose.load.SiteRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** F009 for site-config.yaml: the policy page and the theme folder it names exist inside the site. */
final class ConfigFilesCheck {
  private ConfigFilesCheck() {}

  static List<Diagnostic> check(SiteRoot site) {
    List<Diagnostic> out = new ArrayList<>();
    SiteConfig config = site.config().config();
    Path shown = site.display().of(site.root().resolve(SiteConfigLoader.FILE_NAME));
    config.policy().ifPresent(p -> problem(site, p, false).ifPresent(why -> out.add(Diagnostic.of(shown,
        site.config().valuePosition("policy"), Rule.UNREADABLE, "`policy` names `" + p + "`, " + why))));
    config.theme().ifPresent(t -> problem(site, t, true).ifPresent(why -> out.add(Diagnostic.of(shown,
        site.config().valuePosition("theme"), Rule.UNREADABLE, "`theme` names `" + t + "`, " + why))));
    return out;
  }

  private static java.util.Optional<String> problem(SiteRoot site, String relative, boolean folder) {
    Path path = site.root().resolve(relative).normalize();
    try {
      if (!SiteRoot.isInside(site.root(), path)) {
        return java.util.Optional.of("which is outside the site; name a path inside it");
      }
    } catch (IOException e) {
      return java.util.Optional.of("which cannot be read (" + e.getMessage() + ")");
    }
    if (folder ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
      return java.util.Optional.of("which does not exist; create it or fix the path");
    }
    return java.util.Optional.empty();
  }
}
