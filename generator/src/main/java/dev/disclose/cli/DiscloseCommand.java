package dev.disclose.cli;

import java.util.List;
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
    footer = {
      "",
      "Exit codes: 0 clean, 1 findings, 2 usage or I/O error.",
      "Format reference: docs/advisory-format.md"
    })
public final class DiscloseCommand implements Runnable {
  /** Every command, in the order {@code disclose --help} lists them. */
  static final List<Class<?>> COMMANDS =
      List.of(
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
          EditCommand.class);

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

  /**
   * The commands picocli needs to know for {@code args}: the one they name first, or every command
   * when they start with an option or name none, because picocli reads every command it is given at
   * start-up and help, a version and the suggestions for a mistyped name need them all.
   */
  static List<Class<?>> commandsFor(String... args) {
    if (args.length > 0) {
      for (Class<?> command : COMMANDS) {
        if (command.getAnnotation(Command.class).name().equals(args[0])) return List.of(command);
      }
    }
    return COMMANDS;
  }
}
