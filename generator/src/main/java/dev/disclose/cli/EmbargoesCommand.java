package dev.disclose.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Status;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.report.TerminalText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "embargoes",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the embargoes still to lift, soonest first: when, which advisory, and in how long.",
      "A build at or after an embargo instant publishes the advisory; schedule the publish job for it.",
      "An advisory whose requested CVE is not assigned yet (cve_requested, no CVE alias) says so."
    },
    footer = {"", "Exit codes: 0 listed (or none), 2 usage or I/O error."})
final class EmbargoesCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin SiteOptions site;
  @Mixin NowOption clock;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default) or json, for the scheduled publish job.")
  String format = "text";

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    if (!format.equals("text") && !format.equals("json")) {
      env.err().println("disclose: --format must be text or json");
      return Main.USAGE;
    }
    SiteRoot opened = site.open(env);
    Instant now = clock.resolve(env);
    List<Advisory> upcoming = new ArrayList<>();
    for (Advisory a : Pipeline.oneOff().load(LoadRequest.toCheck(opened)).requireAdvisories()) {
      if (a.status() == Status.DRAFT) continue;
      if (a.embargo().isPresent() && a.embargo().get().instant().isAfter(now)) upcoming.add(a);
    }
    upcoming.sort(
        Comparator.comparing((Advisory a) -> a.embargo().get().instant())
            .thenComparing(Advisory::id));
    if (format.equals("json")) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Advisory a : upcoming) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", a.id());
        e.put("embargo", a.embargo().get().instant().toString());
        e.put("file", a.source().relativePath());
        if (a.cvePending()) e.put("cve_requested", a.cveRequested().get().toString());
        out.add(e);
      }
      env.out()
          .println(
              new ObjectMapper()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writer()
                  .with(TerminalText.jsonEscapes())
                  .writeValueAsString(out));
      return Main.OK;
    }
    if (upcoming.isEmpty()) {
      env.out().println("no embargo to lift after " + now);
      return Main.OK;
    }
    for (Advisory a : upcoming) {
      Instant lifts = a.embargo().get().instant();
      env.out()
          .println(
              TerminalText.visible(
                  lifts
                      + "  "
                      + a.id()
                      + "  in "
                      + span(Duration.between(now, lifts))
                      + "  "
                      + a.source().relativePath()
                      + (a.cvePending()
                          ? "  CVE requested " + a.cveRequested().get() + ", not assigned yet"
                          : "")));
    }
    return Main.OK;
  }

  /** "57 days", "3 hours", "12 minutes". */
  static String span(Duration d) {
    if (d.toDays() >= 2) return d.toDays() + " days";
    if (d.toHours() >= 2) return d.toHours() + " hours";
    long minutes = Math.max(1, d.toMinutes());
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }
}
