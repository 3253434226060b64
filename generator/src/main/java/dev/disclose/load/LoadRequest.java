package dev.disclose.load;

import java.nio.file.Path;
import java.util.List;

/**
 * What to load: the site, the files or folders a check reports on ({@code selection}; empty for the
 * whole site, which is read whatever the selection, since rules span files), what a file watcher
 * saw change since the previous load, and whether a build follows (which reads git's commit times,
 * the policy page and the theme too).
 */
public record LoadRequest(SiteRoot root, List<Path> selection, Changes changes, boolean forBuild) {
  public LoadRequest {
    selection = List.copyOf(selection);
  }

  /** The whole site, for a check. */
  public static LoadRequest toCheck(SiteRoot root) {
    return new LoadRequest(root, List.of(), Changes.UNKNOWN, false);
  }

  /** The whole site, for a build. */
  public static LoadRequest toBuild(SiteRoot root) {
    return new LoadRequest(root, List.of(), Changes.UNKNOWN, true);
  }

  /** This request, with what a file watcher saw change since the previous load. */
  public LoadRequest withChanges(Changes seen) {
    return new LoadRequest(root, selection, seen, forBuild);
  }
}
