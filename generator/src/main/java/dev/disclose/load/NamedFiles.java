package dev.disclose.load;

import dev.disclose.config.HolidayCalendar;
import dev.disclose.config.SiteConfig;
import dev.disclose.config.SiteConfigLoader;
import dev.disclose.config.WorkingDays;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Rule;
import dev.disclose.sealing.Recipient;
import dev.disclose.sealing.SealingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files site-config.yaml names besides the advisories: the policy page, the theme, the sealing
 * recipients' keys and the holiday calendar, each read from inside the site or reported at the line
 * of site-config.yaml that names it.
 */
final class NamedFiles {
  private NamedFiles() {}

  /**
   * The public keys {@code sealing.recipients} lists, read; a file that is missing, leads out of
   * the site or holds no usable public key is reported (F008, F009, F010) instead.
   */
  static List<SealingRecipient> sealingRecipients(
      SiteRoot site, SiteConfigLoader.Loaded loaded, List<Diagnostic> problems) {
    List<SealingRecipient> out = new ArrayList<>();
    Path shown = site.display().of(site.configFile());
    List<String> paths = loaded.config().sealingRecipients();
    for (int i = 0; i < paths.size(); i++) {
      String relative = paths.get(i);
      var position = loaded.valuePosition("sealing.recipients[" + i + "]");
      Path file = site.root().resolve(relative).normalize();
      if (Files.isSymbolicLink(file) && leadsOutside(site, file)) {
        problems.add(
            Diagnostic.of(
                shown,
                position,
                Rule.SYMLINK_OUTSIDE,
                "`sealing.recipients` names `"
                    + relative
                    + "`, a symbolic link that leads outside the site; commit the key file itself"));
        continue;
      }
      Optional<String> why = namedFileProblem(site, relative, false);
      if (why.isPresent()) {
        problems.add(
            Diagnostic.of(
                shown,
                position,
                Rule.UNREADABLE,
                "`sealing.recipients` names `" + relative + "`, " + why.get()));
        continue;
      }
      try {
        out.add(
            new SealingRecipient(
                relative, position, Recipient.read(SiteRoot.bytes(file, relative))));
      } catch (SiteException e) {
        problems.add(
            Diagnostic.of(
                shown,
                position,
                Rule.UNREADABLE,
                "`sealing.recipients` names `" + relative + "`: " + e.getMessage()));
      } catch (SealingException e) {
        problems.add(
            Diagnostic.of(
                shown,
                position,
                Rule.SEALING_KEY,
                "`sealing.recipients` names `" + relative + "`, which " + e.getMessage()));
      }
    }
    return out;
  }

  private static boolean leadsOutside(SiteRoot site, Path link) {
    try {
      return !SiteRoot.isInside(site.root(), link);
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * F009 for site-config.yaml: the policy page and the theme folder it names exist inside the site;
   * F008 for a theme file that leads out of the site or is a special file.
   */
  static List<Diagnostic> problems(SiteRoot site, SiteConfigLoader.Loaded loaded) {
    List<Diagnostic> out = new ArrayList<>();
    SiteConfig config = loaded.config();
    Path shown = site.display().of(site.configFile());
    for (var list : config.announce().lists().values()) {
      if (list.template().isEmpty()) continue;
      String t = list.template().get();
      String key = "announce.lists." + list.name() + ".template";
      Path file = site.root().resolve(t).normalize();
      Optional<String> why =
          Files.isSymbolicLink(file) && leadsOutside(site, file)
              ? Optional.of("a symbolic link that leads outside the site; commit the template")
              : namedFileProblem(site, t, false);
      why.ifPresent(
          w ->
              out.add(
                  Diagnostic.of(
                      shown,
                      loaded.valuePosition(key),
                      w.startsWith("a symbolic") ? Rule.SYMLINK_OUTSIDE : Rule.UNREADABLE,
                      "`template` of the list `" + list.name() + "` names `" + t + "`, " + w)));
    }
    config
        .policy()
        .ifPresent(
            p ->
                namedFileProblem(site, p, false)
                    .ifPresent(
                        why ->
                            out.add(
                                Diagnostic.of(
                                    shown,
                                    loaded.valuePosition("policy"),
                                    Rule.UNREADABLE,
                                    "`policy` names `" + p + "`, " + why))));
    config
        .theme()
        .ifPresent(
            t ->
                namedFileProblem(site, t, true)
                    .ifPresent(
                        why ->
                            out.add(
                                Diagnostic.of(
                                    shown,
                                    loaded.valuePosition("theme"),
                                    Rule.UNREADABLE,
                                    "`theme` names `" + t + "`, " + why))));
    config
        .theme()
        .filter(t -> namedFileProblem(site, t, true).isEmpty())
        .ifPresent(t -> out.addAll(ThemeFiles.problems(site, site.root().resolve(t).normalize())));
    return out;
  }

  private static Optional<String> namedFileProblem(SiteRoot site, String relative, boolean folder) {
    Path path = site.root().resolve(relative).normalize();
    try {
      if (!SiteRoot.isInside(site.root(), path))
        return Optional.of("which is outside the site; name a path inside it");
    } catch (IOException e) {
      return Optional.of("which cannot be read (" + e.getMessage() + ")");
    }
    if (folder ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
      return Optional.of("which does not exist; create it or fix the path");
    }
    return Optional.empty();
  }

  /**
   * The security policy page's Markdown, from the file site-config.yaml names, read for every
   * command so that validate checks what a build renders; a file that exists inside the site but
   * cannot be read as text is reported (F009) to {@code problems}, beside a missing one.
   */
  static Optional<String> policy(
      SiteRoot site, SiteConfigLoader.Loaded loaded, List<Diagnostic> problems) {
    Optional<String> relative = loaded.config().policy();
    if (relative.isEmpty() || namedFileProblem(site, relative.get(), false).isPresent())
      return Optional.empty();
    try {
      return Optional.of(
          SiteRoot.readText(site.root().resolve(relative.get()).normalize(), relative.get()));
    } catch (SiteException e) {
      problems.add(
          Diagnostic.of(
              site.display().of(site.configFile()),
              loaded.valuePosition("policy"),
              Rule.UNREADABLE,
              "`policy` names `" + relative.get() + "`: " + e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * The configuration with the holidays of the calendar file {@code holidays} names read into its
   * calendar; a file that is missing, leads out of the site or is not a calendar is reported to
   * {@code problems} (F008, F009, and its own lines' findings), and counts no holidays.
   */
  static SiteConfigLoader.Loaded holidays(
      SiteRoot site, SiteConfigLoader.Loaded loaded, List<Diagnostic> problems) {
    SiteConfig.ResponseTargets targets = loaded.config().responseTargets();
    WorkingDays calendar = targets.calendar();
    if (calendar.holidaysFile().isEmpty()) return loaded;
    String relative = calendar.holidaysFile().get();
    Path shown = site.display().of(site.configFile());
    var position = loaded.valuePosition("holidays");
    Path file = site.root().resolve(relative).normalize();
    Optional<String> why =
        Files.isSymbolicLink(file) && leadsOutside(site, file)
            ? Optional.of("a symbolic link that leads outside the site; commit the calendar itself")
            : namedFileProblem(site, relative, false);
    if (why.isPresent()) {
      problems.add(
          Diagnostic.of(
              shown,
              position,
              why.get().startsWith("a symbolic") ? Rule.SYMLINK_OUTSIDE : Rule.UNREADABLE,
              "`holidays` names `" + relative + "`, " + why.get()));
      return loaded;
    }
    try {
      HolidayCalendar.Read read =
          HolidayCalendar.parse(SiteRoot.readText(file, relative), site.display().of(file));
      problems.addAll(read.diagnostics());
      return new SiteConfigLoader.Loaded(
          loaded
              .config()
              .withResponseTargets(targets.withCalendar(calendar.withHolidays(read.holidays()))),
          loaded.diagnostics(),
          loaded.positions());
    } catch (SiteException e) {
      problems.add(
          Diagnostic.of(
              shown,
              position,
              Rule.UNREADABLE,
              "`holidays` names `" + relative + "`: " + e.getMessage()));
      return loaded;
    }
  }
}
