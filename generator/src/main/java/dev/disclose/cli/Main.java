package dev.disclose.cli;

import dev.disclose.load.SiteException;
import dev.disclose.load.StorageFailure;
import dev.disclose.report.TerminalText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** The {@code disclose} executable. Only this class exits the process. */
public final class Main {
  /** Exit codes: 0 clean, 1 findings, 2 usage or I/O problems. */
  public static final int OK = 0;

  public static final int FINDINGS = 1;
  public static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    Environment env = Environment.system();
    int code = run(env, args);
    env.out().flush();
    env.err().flush();
    System.exit(code);
  }

  /** Runs the CLI in {@code env} and returns the exit code. */
  public static int run(Environment env, String... args) {
    CommandLine cli = new CommandLine(new DiscloseCommand(env));
    // Before the settings below, which picocli passes on only to the commands it knows.
    for (Class<?> command : DiscloseCommand.commandsFor(args)) cli.addSubcommand(command);
    cli.setOut(env.out());
    cli.setErr(env.err());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    CommandLine export = cli.getSubcommands().get("export");
    if (export != null) {
      export.getHelpSectionMap().put("formats", help -> String.format(ExportCommand.formatsHelp()));
      List<String> sections = new ArrayList<>(export.getHelpSectionKeys());
      sections.add(
          sections.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING),
          "formats");
      export.setHelpSectionKeys(sections);
    }
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          // Messages quote paths and values of the site's files.
          if (e instanceof SiteException) {
            env.err().println("disclose: " + TerminalText.visible(e.getMessage()));
          } else if (StorageFailure.of(e).isPresent()) {
            // A full or read-only disk is no bug: the file and what to do, no trace.
            env.err().println("disclose: " + TerminalText.visible(StorageFailure.describe(e)));
          } else {
            // A bug in Disclose, not in the input: say so briefly; the trace only on request.
            env.err().println("disclose: internal error: " + TerminalText.visible(e.toString()));
            if (env.variables().containsKey("DISCLOSE_DEBUG")) {
              StringWriter trace = new StringWriter();
              e.printStackTrace(new PrintWriter(trace));
              trace.toString().lines().forEach(l -> env.err().println(TerminalText.visible(l)));
            } else {
              env.err().println("(set DISCLOSE_DEBUG=1 for details, and please report it)");
            }
          }
          env.err().flush();
          return USAGE;
        });
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      // Not a bug and not bad input: the site needs a larger heap than the JVM was given.
      env.err()
          .println(
              String.format(
                  Locale.ROOT,
                  "disclose: out of memory (a heap of %,d MiB); give Java more: DISCLOSE_JAVA_OPTS=-Xmx4g ./disclose …, "
                      + "or java -Xmx4g -jar disclose.jar …",
                  Runtime.getRuntime().maxMemory() >> 20));
      env.err().flush();
      return USAGE;
    }
    env.out().flush();
    env.err().flush();
    return code;
  }
}
