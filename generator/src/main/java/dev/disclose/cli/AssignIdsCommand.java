package dev.disclose.cli;

import dev.disclose.authoring.IdAssigner;
import dev.disclose.authoring.IdJournal;
import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.report.TerminalText;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "assign-ids",
    mixinStandardHelpOptions = true,
    description = {
      "Numbers the advisories that have the placeholder ID.",
      "Each advisory with <PREFIX>-0000-0000 gets the next free ID of the year and moves to",
      "advisories/<YYYY>/<ID>.md (run on merge, as RustSec does)."
    })
final class AssignIdsCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin SiteOptions site;

  @Option(names = "--dry-run", description = "Print what would change; change nothing.")
  boolean dryRun;

  @Mixin NowOption clock;

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    // A dry run changes nothing, so it cannot show what follows an unfinished run either.
    SiteRoot opened = dryRun ? site.open(env) : site.openUnfinished(env);
    if (!dryRun) {
      int completed = IdJournal.complete(opened);
      if (completed > 0) {
        env.err()
            .println(
                "note: completed the `disclose assign-ids` that stopped midway: "
                    + completed
                    + " advisories renumbered");
      }
    }
    List<IdAssigner.Assignment> done =
        IdAssigner.assign(opened, Pipeline.oneOff(), clock.resolve(env), dryRun);
    if (done.isEmpty()) {
      env.out().println("no placeholder IDs to assign");
    }
    for (IdAssigner.Assignment a : done) {
      env.out()
          .println(
              (dryRun ? "would assign " : "assigned ")
                  + TerminalText.visible(a.id())
                  + ": "
                  + TerminalText.path(opened.display().of(a.from()))
                  + " -> "
                  + TerminalText.path(opened.display().of(a.to())));
    }
    return Main.OK;
  }
}
