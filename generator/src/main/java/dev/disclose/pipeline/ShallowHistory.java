package dev.disclose.pipeline;

import dev.disclose.advisory.Advisory;
import dev.disclose.csaf.CsafFormat;
import dev.disclose.load.SiteException;
import dev.disclose.plan.Publication;
import java.util.List;

/**
 * A shallow clone's history ends at its one commit, so every file looks last changed then. Public
 * output dates an advisory without {@code modified} by its file's last commit and lists its commits
 * as CSAF revisions: from a shallow clone every such date would move to the clone's commit, and
 * OSV.dev and feed readers would see every advisory change. Only when no public output reads the
 * history may a shallow clone publish.
 */
final class ShallowHistory {
  static final String FETCH =
      "fetch the history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)";

  private ShallowHistory() {}

  /** Refuses a public output of {@code publication} that would read a history cut short. */
  static void refuse(Publication publication) throws SiteException {
    if (publication.preview() || !publication.commits().shallow()) return;
    List<Advisory> advisories = publication.catalog().advisories();
    List<String> undated =
        advisories.stream().filter(a -> a.modified().isEmpty()).map(Advisory::id).toList();
    if (!undated.isEmpty()) {
      throw new SiteException(
          "this is a shallow clone: advisories without `modified` would be dated at its one commit ("
              + (undated.size() == 1
                  ? undated.get(0) + " states none"
                  : undated.size() + " public advisories state none, " + undated.get(0) + " first")
              + "); "
              + FETCH);
    }
    if (publication.config().publishes(CsafFormat.NAME) && !advisories.isEmpty()) {
      throw new SiteException(
          "this is a shallow clone: the CSAF documents list their files' commits as revisions,"
              + " and it has only one; "
              + FETCH);
    }
  }
}
