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
   * The site, with a run of {@code assign-ids} that stopped midway completed first: until then some
   * advisories have their new names and some their old ones.
   */
  SiteRoot open(Environment env) throws SiteException {
    Path dir = root == null ? env.workingDirectory() : env.workingDirectory().resolve(root);
    SiteRoot site = SiteRoot.open(dir, new PathDisplay(env.workingDirectory()));
    int completed = IdJournal.complete(site);
    if (completed > 0) {
      env.err()
          .println(
              "note: completed the `disclose assign-ids` that stopped midway: "
                  + completed
                  + " advisories renumbered");
    }
    return site;
  }
}
