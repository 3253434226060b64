package dev.disclose.config;

import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.yaml.YamlNode;
import dev.disclose.yaml.YamlProblem;
import dev.disclose.yaml.YamlReader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A calendar file that {@code holidays} in site-config.yaml names: the team's holidays, kept in the
 * repository beside the policy so that one file serves every year. It is YAML: a map of dates to
 * the holiday's name ({@code 2026-10-03: German Unity Day}), or a list of dates.
 */
public final class HolidayCalendar {
  /** The holidays the file lists, and what was wrong with it, each at its line. */
  public record Read(Set<LocalDate> holidays, List<Diagnostic> diagnostics) {
    public Read {
      holidays = Set.copyOf(holidays);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private HolidayCalendar() {}

  /** The holidays of {@code text}, the calendar file shown as {@code file}. */
  public static Read parse(String text, Path file) {
    Findings findings = new Findings(file);
    Set<LocalDate> holidays = new TreeSet<>();
    YamlReader.Result result = YamlReader.read(text, 1);
    if (result instanceof YamlReader.Result.Failed failed) {
      report(findings, failed.problem());
      return new Read(holidays, findings.diagnostics());
    }
    YamlReader.Result.Read read = (YamlReader.Result.Read) result;
    read.problems().forEach(p -> report(findings, p));
    List<YamlNode.Scalar> dates = new ArrayList<>();
    if (read.root() instanceof YamlNode.Mapping m) {
      for (YamlNode.Entry e : m.entries()) {
        dates.add(e.key());
        if (!(e.value() instanceof YamlNode.Scalar)) {
          findings.report(
              Rule.WRONG_TYPE,
              e.value().position(),
              "the holiday on "
                  + e.key().text()
                  + " is named by "
                  + e.value().kindName()
                  + "; write its name as text, like `2026-10-03: German Unity Day`");
        }
      }
    } else if (read.root() instanceof YamlNode.Sequence s) {
      for (YamlNode item : s.items()) {
        if (item instanceof YamlNode.Scalar scalar) dates.add(scalar);
        else
          findings.report(
              Rule.WRONG_TYPE,
              item.position(),
              "the calendar lists " + item.kindName() + "; list each holiday as a date");
      }
    } else if (!(read.root() instanceof YamlNode.Scalar empty && empty.text().isBlank())) {
      findings.report(
          Rule.WRONG_TYPE,
          read.root().position(),
          "a calendar file maps each holiday's date to its name, like"
              + " `2026-10-03: German Unity Day`, not "
              + read.root().kindName());
    }
    for (YamlNode.Scalar date : dates) {
      String written = date.text().strip();
      try {
        holidays.add(LocalDate.parse(written));
      } catch (DateTimeException e) {
        findings.report(
            Rule.INVALID_VALUE,
            date.position(),
            "`" + written + "` is not a date; write each holiday as a date, like 2026-12-25");
      }
    }
    return new Read(holidays, findings.diagnostics());
  }

  private static void report(Findings findings, YamlProblem problem) {
    findings.report(Rule.of(problem.kind()), problem.position(), problem.message());
  }
}
