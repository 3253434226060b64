package dev.disclose.cli;

import dev.disclose.authoring.NewAdvisory;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.report.TerminalText;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a draft advisory for a package.",
      "It gets the next free ID of the year (advisories/<YYYY>/<ID>.md), or with --placeholder",
      "the placeholder ID that `assign-ids` numbers on merge (advisories/<package>/)."
    })
final class NewCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin SiteOptions site;

  @Option(
      names = "--ecosystem",
      required = true,
      paramLabel = "ECOSYSTEM",
      description = "OSV ecosystem: PyPI, npm, Go, crates.io, Maven, …")
  String ecosystem;

  @Option(names = "--package", required = true, paramLabel = "NAME", description = "Package name.")
  String packageName;

  @Option(names = "--title", paramLabel = "TEXT", description = "One-line title.")
  String title;

  @Option(
      names = "--placeholder",
      description =
          "Use the placeholder ID <PREFIX>-0000-0000 (advisories/<package>/), numbered later by assign-ids.")
  boolean placeholder;

  @Mixin NowOption clock;

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    var opened = site.open(env);
    Path written =
        NewAdvisory.write(
            opened,
            Pipeline.oneOff(),
            new NewAdvisory.Request(
                ecosystem,
                packageName,
                Optional.ofNullable(title),
                placeholder,
                clock.resolve(env)));
    env.out().println("wrote " + TerminalText.path(opened.display().of(written)));
    return Main.OK;
  }
}
