package dev.disclose.cli;

import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.report.TerminalText;
import dev.disclose.summary.ChangeSummary;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = {
      "Prints, as Markdown, the advisories added, changed, withdrawn and removed since a git ref.",
      "The validate workflow writes it to the job summary of a pull request. Advisories that are not public",
      "(drafts, running embargoes) are counted but never named, unless site-config.yaml sets",
      "redact_logs: false (a private repository)."
    },
    footer = {
      "",
      "Exit codes: 0 printed, 2 usage error, git missing, or a ref that is not a commit."
    })
final class SummaryCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin SiteOptions site;
  @Mixin NowOption clock;

  @Option(
      names = "--since",
      required = true,
      paramLabel = "REF",
      description = "The git ref to compare with: a pull request's base commit, a tag, main.")
  String since;

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    SiteRoot opened = site.open(env);
    List<ChangeSummary.Entry> entries;
    try {
      entries = ChangeSummary.since(opened, since, clock.resolve(env));
    } catch (ChangeSummary.SummaryException e) {
      env.err().println("disclose: " + TerminalText.visible(e.getMessage()));
      return Main.USAGE;
    } catch (IOException e) {
      env.err()
          .println(
              "disclose: cannot run git ("
                  + TerminalText.visible(e.getMessage())
                  + "); summary needs git on the PATH");
      return Main.USAGE;
    }
    boolean redact = Pipeline.oneOff().config(opened).redactLogs();
    env.out().print(ChangeSummary.markdown(entries, since, redact));
    env.out().flush();
    return Main.OK;
  }
}
