package dev.disclose.config;

import dev.disclose.advisory.Fields;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.ecosystem.Ecosystems;
import dev.disclose.yaml.YamlNode;
import java.util.List;
import java.util.Optional;

/**
 * Turns one entry of site-config.yaml's {@code packages} into a {@link
 * SiteConfig.PublishedPackage}: an ecosystem OSV knows, a name that ecosystem allows, and where the
 * package's release notes are.
 */
final class PublishedPackageParser {
  static final List<String> PACKAGE_KEYS = List.of("ecosystem", "name", "release_notes");
  static final List<String> RELEASE_NOTES_KEYS = List.of("folder", "changelog", "url");

  private PublishedPackageParser() {}

  /**
   * The package written as {@code m}, entry {@code i} of {@code config}'s {@code packages}; empty
   * without an ecosystem and a name.
   */
  static Optional<SiteConfig.PublishedPackage> parse(
      Fields config, int i, YamlNode.Mapping m, Findings findings) {
    Fields p =
        Fields.of(
            m,
            config.child("packages") + "[" + i + "]",
            "`packages[" + i + "]`",
            PACKAGE_KEYS,
            findings,
            config.positions());
    Optional<String> ecosystem = p.requiredString("ecosystem");
    Optional<String> name = p.requiredString("name");
    ecosystem.ifPresent(
        e -> {
          if (Ecosystems.find(e).isEmpty()) {
            findings.report(
                Rule.UNKNOWN_ECOSYSTEM,
                p.valuePosition("ecosystem"),
                "`"
                    + e
                    + "` is not an OSV ecosystem"
                    + Ecosystems.suggest(e).map(s -> "; did you mean `" + s + "`?").orElse(""));
          } else {
            name.flatMap(n -> Ecosystems.packageNameProblem(e, n))
                .ifPresent(
                    problem ->
                        findings.report(Rule.PACKAGE_NAME, p.valuePosition("name"), problem));
          }
        });
    Optional<SiteConfig.ReleaseNotesSource> notes =
        p.mapping("release_notes").flatMap(rn -> releaseNotes(p, rn, findings));
    if (ecosystem.isPresent() && name.isPresent()) {
      return Optional.of(new SiteConfig.PublishedPackage(ecosystem.get(), name.get(), notes));
    }
    return Optional.empty();
  }

  /** Where a package's release notes are: exactly one of a folder, a changelog or a URL. */
  private static Optional<SiteConfig.ReleaseNotesSource> releaseNotes(
      Fields p, YamlNode.Mapping rn, Findings findings) {
    Fields r =
        Fields.of(
            rn,
            p.child("release_notes"),
            "`release_notes`",
            RELEASE_NOTES_KEYS,
            findings,
            p.positions());
    List<String> given = RELEASE_NOTES_KEYS.stream().filter(r::has).toList();
    if (given.size() != 1) {
      findings.report(
          Rule.INVALID_VALUE,
          rn.position(),
          "`release_notes` takes exactly one of `folder`, `changelog` or `url`"
              + (given.isEmpty() ? "" : ", not " + Fields.list(given)));
      return Optional.empty();
    }
    return switch (given.get(0)) {
      case "folder" -> r.string("folder").map(SiteConfig.ReleaseNotesSource.Folder::new);
      case "changelog" -> r.string("changelog").map(SiteConfig.ReleaseNotesSource.Changelog::new);
      default -> r.string("url").map(SiteConfig.ReleaseNotesSource.UrlTemplate::new);
    };
  }
}
