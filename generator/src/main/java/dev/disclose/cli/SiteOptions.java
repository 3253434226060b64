package dev.disclose.cli;

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

  SiteRoot open(Environment env) throws SiteException {
    Path dir = root == null ? env.workingDirectory() : env.workingDirectory().resolve(root);
    return SiteRoot.open(dir, new PathDisplay(env.workingDirectory()));
  }
}
