package dev.disclose.cli;

import dev.disclose.authoring.SealedFiles;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.SealingRecipient;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.load.SiteSources;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.report.DiagnosticPrinter;
import dev.disclose.report.TerminalText;
import dev.disclose.sealing.Recipient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "seal",
    mixinStandardHelpOptions = true,
    description = {
      "Encrypts advisories to the public keys site-config.yaml lists under sealing.recipients.",
      "advisories/**/<ID>.md becomes <ID>.md.asc; the plaintext is overwritten, then deleted.",
      "What git has already committed stays in its history: seal before the first commit."
    },
    footer = {"", "Exit codes: 0 sealed, 1 unusable recipient keys, 2 usage or I/O error."})
final class SealCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin SiteOptions site;
  @Mixin NowOption clock;

  @Parameters(paramLabel = "ID", arity = "1..*", description = "The advisories to seal.")
  List<String> ids = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    SiteRoot opened = site.open(env);
    Instant now = clock.resolve(env);
    List<Recipient> recipients = recipients(env, opened, now);
    if (recipients == null) return Main.FINDINGS;
    List<Path> plain = new ArrayList<>();
    for (String id : ids) plain.add(SealedFiles.find(opened, id));
    for (Path p : plain) {
      Path sealed = SealedFiles.seal(opened, p, recipients, now);
      env.out()
          .println(
              "sealed "
                  + shown(opened, p)
                  + " -> "
                  + shown(opened, sealed)
                  + " for "
                  + recipients.size()
                  + (recipients.size() == 1 ? " key" : " keys"));
    }
    return Main.OK;
  }

  /**
   * The keys to seal to, or null when one is unusable (its findings printed): sealing to fewer keys
   * than the site lists would lock a recipient out without a word.
   */
  static List<Recipient> recipients(Environment env, SiteRoot opened, Instant now)
      throws SiteException {
    SiteSources sources = Pipeline.oneOff().load(LoadRequest.toCheck(opened));
    List<Diagnostic> problems = new ArrayList<>();
    for (Diagnostic d : sources.namedFileProblems())
      if (d.message().startsWith("`sealing.recipients`")) problems.add(d);
    Path configFile = opened.display().of(opened.configFile());
    List<Recipient> keys = new ArrayList<>();
    for (SealingRecipient r : sources.sealingRecipients()) {
      var problem = r.key().problemAt(now);
      if (problem.isPresent()) {
        problems.add(
            Diagnostic.of(
                configFile,
                r.position(),
                dev.disclose.diagnostic.Rule.SEALING_KEY,
                "`sealing.recipients` names `" + r.path() + "`: " + problem.get()));
      } else {
        keys.add(r.key());
      }
    }
    if (!problems.isEmpty()) {
      for (Diagnostic d : problems) env.out().println(DiagnosticPrinter.headline(d));
      env.err().println("disclose: not sealing: fix the keys in `sealing.recipients` first");
      return null;
    }
    if (keys.isEmpty()) {
      throw new SiteException(
          "site-config.yaml lists no `sealing.recipients`: add the public keys of the security team"
              + " and of the publishing CI (see docs/embargo.md)");
    }
    return keys;
  }

  static String shown(SiteRoot site, Path p) {
    return TerminalText.path(site.display().of(p));
  }
}
