package dev.disclose.load;

import java.util.Optional;

/**
 * What a build reads besides the advisories: git's commit times, the policy page's Markdown and the
 * site's own theme; or why the policy page or the theme could not be read, which stops a build once
 * the advisories are checked.
 */
public record BuildSources(
    LastCommitTimes commits,
    Optional<String> policy,
    Theme theme,
    Optional<SiteException> problem) {

  /** Refused if the policy page or the theme could not be read. */
  public BuildSources requireReadable() throws SiteException {
    if (problem.isPresent()) throw problem.get();
    return this;
  }
}
