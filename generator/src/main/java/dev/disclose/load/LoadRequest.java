package dev.disclose.load;

import dev.disclose.sealing.SealingKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to load: the site, the files or folders a check reports on ({@code selection}; empty for the
 * whole site, which is read whatever the selection, since rules span files), what a file watcher
 * saw change since the previous load, whether a build follows (which reads git's commit times, the
 * policy page and the theme too), and the key that opens sealed advisories, if the command has one.
 */
public record LoadRequest(
    SiteRoot root,
    List<Path> selection,
    Changes changes,
    boolean forBuild,
    Optional<SealingKey> sealingKey) {
  public LoadRequest {
    selection = List.copyOf(selection);
  }

  /** A load without the key: sealed advisories are skipped. */
  public LoadRequest(SiteRoot root, List<Path> selection, Changes changes, boolean forBuild) {
    this(root, selection, changes, forBuild, Optional.empty());
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
    return new LoadRequest(root, selection, seen, forBuild, sealingKey);
  }

  /** This request, opening sealed advisories with {@code key} when there is one. */
  public LoadRequest withSealingKey(Optional<SealingKey> key) {
    return new LoadRequest(root, selection, changes, forBuild, key);
  }
}
