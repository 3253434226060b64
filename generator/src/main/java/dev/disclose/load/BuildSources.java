package dev.disclose.load;

import java.util.Optional;

/**
 * What a build reads besides the advisories and the policy page: git's commit times and the site's
 * own theme; or why the theme could not be read, which stops a build once the advisories are
 * checked.
 */
public record BuildSources(LastCommitTimes commits, Theme theme, Optional<SiteException> problem) {

  /** Refused if the theme could not be read. */
  public BuildSources requireReadable() throws SiteException {
    if (problem.isPresent()) throw problem.get();
    return this;
  }
}
