package dev.disclose.cli;

import dev.disclose.advisory.Advisory;
import dev.disclose.announce.AnnouncedLedger;
import dev.disclose.announce.Announcement;
import dev.disclose.announce.AnnouncementException;
import dev.disclose.announce.AnnouncementRenderer;
import dev.disclose.announce.AnnouncementView;
import dev.disclose.announce.MailMessages;
import dev.disclose.announce.SmtpSender;
import dev.disclose.authoring.AtomicFiles;
import dev.disclose.catalog.Catalog;
import dev.disclose.check.CheckedSite;
import dev.disclose.config.AnnounceSettings;
import dev.disclose.config.SiteConfig;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.pipeline.Refused;
import dev.disclose.report.TerminalText;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "announce",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the announcement of public advisories for each mailing list site-config.yaml",
      "names under `announce`: plain text (72 columns, UTF-8), .eml files or one mbox; with",
      "--send, delivers them through the configured SMTP server. An embargoed, draft or",
      "withdrawn advisory is never announced. --new announces the advisories published since",
      "the last --new (.disclose/announced.json records them), for a publish workflow."
    },
    footer = {
      "",
      "Exit codes: 0 written or sent, 1 an advisory is not public or the site has errors,",
      "2 usage, I/O or SMTP error."
    })
final class AnnounceCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin SiteOptions site;
  @Mixin NowOption clock;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "The advisories to announce.")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--new",
      description = "Announce the advisories published since the last --new instead of IDs.")
  boolean fresh;

  @Option(
      names = "--list",
      paramLabel = "NAME",
      description = "Only this list (repeatable); default: every list under `announce.lists`.")
  List<String> lists = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "text (default), eml (one file per advisory and list, needs --out DIR) or mbox.")
  String format = "text";

  @Option(names = "--out", paramLabel = "PATH", description = "The file (text, mbox) or folder.")
  Path out;

  @Option(names = "--send", description = "Deliver through `announce.smtp`.")
  boolean send;

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    if (!List.of("text", "eml", "mbox").contains(format)) {
      env.err().println("disclose: --format is text, eml or mbox");
      return Main.USAGE;
    }
    if (fresh == !ids.isEmpty()) {
      env.err().println("disclose: give advisory IDs or --new");
      return Main.USAGE;
    }
    if (format.equals("eml") && out == null) {
      env.err().println("disclose: --format eml writes one file per post: give --out DIR");
      return Main.USAGE;
    }
    SiteRoot opened = site.open(env);
    Instant now = clock.resolve(env);
    CheckedSite checked;
    try {
      checked = Pipeline.oneOff().checkClean(LoadRequest.toCheck(opened), now);
    } catch (Refused refused) {
      env.err()
          .println("disclose: not announcing: the site has errors (disclose validate shows them)");
      return Main.FINDINGS;
    }
    SiteConfig config = checked.sources().siteConfig();
    AnnounceSettings settings = config.announce();
    List<AnnounceSettings.MailingList> targets = new ArrayList<>();
    for (String name : lists.isEmpty() ? List.copyOf(settings.lists().keySet()) : lists) {
      AnnounceSettings.MailingList list = settings.lists().get(name);
      if (list == null) {
        env.err()
            .println(
                "disclose: no list `"
                    + TerminalText.visible(name)
                    + "` under `announce.lists` in site-config.yaml");
        return Main.USAGE;
      }
      targets.add(list);
    }
    if (targets.isEmpty() && (send || !format.equals("text"))) {
      env.err()
          .println(
              "disclose: site-config.yaml names no list under `announce.lists` to address the"
                  + " posts to");
      return Main.USAGE;
    }
    if (send && settings.smtp().isEmpty()) {
      env.err().println("disclose: --send needs `announce.smtp` in site-config.yaml");
      return Main.USAGE;
    }

    Catalog catalog = checked.publicCatalog();
    List<Advisory> chosen = new ArrayList<>();
    Path ledgerFile = opened.root().resolve(AnnouncedLedger.FILE);
    Optional<AnnouncedLedger> ledger = Optional.empty();
    if (fresh) {
      ledger = Optional.of(AnnouncedLedger.read(ledgerFile, now));
      chosen.addAll(ledger.get().unannounced(catalog.advisories(), now));
    } else {
      for (String id : ids) {
        Optional<Advisory> a = catalog.byId(id);
        if (a.isEmpty()) {
          // The same words whether it exists unpublished or not at all: nothing leaks.
          env.err()
              .println(
                  "disclose: "
                      + TerminalText.visible(id)
                      + " is not a public advisory at "
                      + now
                      + ": an embargoed or draft advisory is never announced");
          return Main.FINDINGS;
        }
        if (a.get().withdrawn().isPresent()) {
          env.err().println("disclose: " + a.get().id() + " is withdrawn: not announced");
          return Main.FINDINGS;
        }
        chosen.add(a.get());
      }
    }

    AnnouncementRenderer renderer = new AnnouncementRenderer(opened.root());
    List<Announcement> posts = new ArrayList<>();
    try {
      for (Advisory a : chosen) {
        var view = AnnouncementView.of(a, config.urls().advisory(a.id()), config.title());
        if (targets.isEmpty()) {
          posts.add(renderer.render(view, Optional.empty(), a.id(), "", "", ""));
        }
        for (AnnounceSettings.MailingList list : targets) {
          posts.add(
              renderer.render(
                  view,
                  list.template(),
                  a.id(),
                  list.name(),
                  settings.from().orElse(""),
                  list.to()));
        }
      }
      Session session =
          send
              ? new SmtpSender(settings.smtp().get(), Optional.empty()).session()
              : MailMessages.offline();
      List<MimeMessage> messages = new ArrayList<>();
      if (!format.equals("text") || send) {
        for (Announcement p : posts) messages.add(MailMessages.message(p, now, session));
      }
      write(env, opened, posts, messages, now);
      if (send) {
        AnnounceSettings.Smtp smtp = settings.smtp().get();
        new SmtpSender(
                smtp,
                Optional.ofNullable(env.variables().get(smtp.passwordEnv()))
                    .filter(p -> !p.isEmpty()))
            .send(session, messages);
        for (Announcement p : posts) env.err().println("sent " + p.advisoryId() + " to " + p.to());
      }
    } catch (AnnouncementException e) {
      env.err().println("disclose: " + TerminalText.visible(e.getMessage()));
      return Main.USAGE;
    }
    if (ledger.isPresent()) {
      try {
        Files.createDirectories(ledgerFile.getParent());
        AtomicFiles.write(ledgerFile, ledger.get().with(chosen, now).json());
      } catch (IOException e) {
        throw new SiteException("cannot write " + AnnouncedLedger.FILE + ": " + e.getMessage(), e);
      }
      if (chosen.isEmpty()) env.err().println("no advisory published since the last announcement");
    }
    return Main.OK;
  }

  private void write(
      Environment env,
      SiteRoot opened,
      List<Announcement> posts,
      List<MimeMessage> messages,
      Instant now)
      throws AnnouncementException, IOException {
    Path target = out == null ? null : env.workingDirectory().resolve(out).normalize();
    switch (format) {
      case "eml" -> {
        Files.createDirectories(target);
        for (int i = 0; i < posts.size(); i++) {
          Announcement p = posts.get(i);
          String name = p.advisoryId() + (p.list().isEmpty() ? "" : "." + p.list()) + ".eml";
          Files.write(target.resolve(name), MailMessages.eml(messages.get(i)));
        }
        env.err().println(posts.size() + " messages written to " + TerminalText.path(target));
      }
      case "mbox" -> {
        byte[] mbox = MailMessages.mbox(messages, now);
        if (target == null) env.out().print(new String(mbox, StandardCharsets.UTF_8));
        else Files.write(target, mbox);
      }
      default -> {
        StringBuilder text = new StringBuilder();
        for (Announcement p : posts) {
          if (text.length() > 0) text.append("\n\n");
          if (!p.to().isEmpty()) text.append("To: ").append(p.to()).append('\n');
          text.append("Subject: ").append(p.subject()).append("\n\n").append(p.body());
        }
        if (target == null) env.out().print(text);
        else Files.writeString(target, text, StandardCharsets.UTF_8);
      }
    }
  }
}
