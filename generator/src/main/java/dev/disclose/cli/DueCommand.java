package dev.disclose.cli;

import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.BuildManifest;
import dev.disclose.pipeline.PublishDue;
import dev.disclose.report.TerminalText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "due",
    mixinStandardHelpOptions = true,
    description = {
      "Says whether a scheduled publish has anything to do: whether a build now would differ from",
      "the deployed one, whose disclose-build.json --deployed names (fetched from the site). Due",
      "when the sources changed, an embargo lifted since, or security.txt is due for renewal; due",
      "too when there is no deployed manifest to compare with. Prints GitHub output lines:",
      "due=true or due=false, then reason=<one line>. Never names an embargo before it lifts."
    },
    footer = {"", "Exit codes: 0 decided (either way), 2 usage or I/O error."})
final class DueCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin SiteOptions site;
  @Mixin NowOption clock;

  @Option(
      names = "--deployed",
      paramLabel = "FILE",
      description =
          "The deployed site's disclose-build.json, e.g. fetched with curl; missing or unreadable: due.")
  Path deployed;

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    SiteRoot opened = site.open(env);
    Instant now = clock.resolve(env);
    PublishDue.Verdict verdict;
    if (deployed == null) {
      verdict = new PublishDue.Verdict(true, "no deployed build to compare with (--deployed)");
    } else {
      Path file = env.workingDirectory().resolve(deployed);
      String shown = opened.display().of(file).toString().replace('\\', '/');
      BuildManifest manifest = null;
      String unread = null;
      try {
        manifest = BuildManifest.parse(Files.readAllBytes(file));
      } catch (NoSuchFileException e) {
        unread = "there is no deployed build manifest (" + shown + ")";
      } catch (IOException e) {
        unread = "the deployed build manifest " + shown + " cannot be read: " + e.getMessage();
      } catch (IllegalArgumentException e) {
        unread = "the deployed build manifest " + shown + " is no manifest: " + e.getMessage();
      }
      verdict =
          manifest == null
              ? new PublishDue.Verdict(true, unread)
              : PublishDue.decide(opened, SealingEnvironment.key(env, now), manifest, now);
    }
    env.out().println("due=" + verdict.due());
    // One line whatever it quotes: a line break would add an output of its own.
    env.out().println("reason=" + TerminalText.visible(verdict.reason()));
    return Main.OK;
  }
}
