package dev.disclose.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command: only dispatches to subcommands. */
@Command(
    name = "disclose",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Validates, builds and publishes security advisories.",
    subcommands = {
      InitCommand.class,
      ValidateCommand.class,
      BuildCommand.class,
      ServeCommand.class,
      ExportCommand.class,
      LinkReleaseNotesCommand.class,
      EmbargoesCommand.class,
      DueCommand.class,
      AnnounceCommand.class,
      ImportCommand.class,
      MergeOsvCommand.class,
      NewCommand.class,
      AssignIdsCommand.class,
      SummaryCommand.class,
      SealCommand.class,
      UnsealCommand.class,
      EditCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 clean, 1 findings, 2 usage or I/O error.",
      "Format reference: docs/advisory-format.md"
    })
public final class DiscloseCommand implements Runnable {
  private final Environment env;

  @Spec CommandSpec spec;

  public DiscloseCommand(Environment env) {
    this.env = env;
  }

  Environment env() {
    return env;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing command: try `disclose validate` or `disclose --help`");
  }
}
