package dev.disclose.cli;

import dev.disclose.authoring.SealedFiles;
import dev.disclose.load.SiteRoot;
import dev.disclose.report.TerminalText;
import dev.disclose.sealing.SealingKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "unseal",
    mixinStandardHelpOptions = true,
    description = {
      "Decrypts sealed advisories back to advisories/**/<ID>.md and removes <ID>.md.asc.",
      "With --lifted, unseals every sealed advisory that is public at --now; the publish",
      "job commits the result, so the repository ends in the ordinary state.",
      "The key: DISCLOSE_SEALING_KEY or DISCLOSE_SEALING_KEY_FILE (+ DISCLOSE_SEALING_PASSPHRASE)."
    },
    footer = {
      "",
      "Exit codes: 0 unsealed (or none to), 1 a sealed file unreadable, 2 usage or I/O."
    })
final class UnsealCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin SiteOptions site;
  @Mixin NowOption clock;

  @Option(
      names = "--lifted",
      description = "Unseal every sealed advisory whose embargo has lifted at --now.")
  boolean lifted;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "The advisories to unseal.")
  List<String> ids = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    if (lifted == !ids.isEmpty()) {
      env.err().println("disclose: give either advisory IDs or --lifted");
      return Main.USAGE;
    }
    SiteRoot opened = site.open(env);
    Instant now = clock.resolve(env);
    SealingKey key = SealingEnvironment.requireKey(env, now);
    if (lifted) {
      SealedFiles.Lifted done = SealedFiles.unsealLifted(opened, key, now);
      for (Path p : done.unsealed()) env.out().println("unsealed " + SealCommand.shown(opened, p));
      if (done.unsealed().isEmpty()) env.out().println("no sealed advisory is public at " + now);
      for (String problem : done.problems())
        env.err().println("disclose: " + TerminalText.visible(problem));
      return done.problems().isEmpty() ? Main.OK : Main.FINDINGS;
    }
    List<Path> sealed = new ArrayList<>();
    for (String id : ids) sealed.add(SealedFiles.find(opened, id));
    for (Path p : sealed) {
      Path plain = SealedFiles.unseal(opened, p, key);
      env.out()
          .println(
              "unsealed "
                  + SealCommand.shown(opened, p)
                  + " -> "
                  + SealCommand.shown(opened, plain));
    }
    return Main.OK;
  }
}
