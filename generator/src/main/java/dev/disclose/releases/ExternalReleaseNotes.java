package dev.disclose.releases;

import dev.disclose.config.SiteConfig;
import dev.disclose.config.SiteConfig.ReleaseNotesSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the notes of releases published elsewhere are: the URL template each package of
 * site-config.yaml gives. Looked up once per fixed version of every advisory, so indexed once per
 * site instead of scanning the package list (a thousand packages on a large site) each time.
 */
public final class ExternalReleaseNotes {
  private final Map<String, String> templates;

  private ExternalReleaseNotes(Map<String, String> templates) {
    this.templates = templates;
  }

  public static ExternalReleaseNotes of(SiteConfig config) {
    Map<String, String> templates = new HashMap<>();
    for (SiteConfig.PublishedPackage p : config.packages()) {
      if (p.releaseNotes().orElse(null) instanceof ReleaseNotesSource.UrlTemplate url) {
        templates.putIfAbsent(
            key(p.ecosystem(), p.name()), url.template()); // the first package listed wins
      }
    }
    return new ExternalReleaseNotes(templates);
  }

  /** The URL of {@code version}'s notes, or empty when the package has no URL template. */
  public Optional<String> url(String ecosystem, String packageName, String version) {
    return Optional.ofNullable(templates.get(key(ecosystem, packageName)))
        .map(t -> t.replace("{version}", version));
  }

  private static String key(String ecosystem, String name) {
    return ecosystem + '\0' + name;
  }
}
