package dev.disclose.cli;

import dev.disclose.authoring.IdJournal;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --root}: the site every command works on. */
public final class SiteOptions {
  @Option(
      names = "--root",
      paramLabel = "DIR",
      description =
          "The site root, holding site-config.yaml and advisories/ (default: the current directory).")
  Path root;

  /**
   * The site, refused while a run of {@code assign-ids} is unfinished there: until it is, some
   * advisories have their new names and some their old ones, and only {@code assign-ids} finishes
   * it.
   */
  SiteRoot open(Environment env) throws SiteException {
    SiteRoot site = openUnfinished(env);
    IdJournal.refuseInterrupted(site);
    return site;
  }

  /** The site, also with an unfinished run of {@code assign-ids}: for the command that ends it. */
  SiteRoot openUnfinished(Environment env) throws SiteException {
    Path dir = root == null ? env.workingDirectory() : env.workingDirectory().resolve(root);
    return SiteRoot.open(dir, new PathDisplay(env.workingDirectory()));
  }
}
