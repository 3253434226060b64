package dev.disclose.report;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.EmbargoPolicy;
import dev.disclose.check.CheckedSite;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.load.AdvisoryReader.AdvisoryFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What findings may say in a log others can read (a public repository's pull-request checks): of an
 * advisory that is not public (a draft, an embargo still running) or whose status could not be
 * read, the file, the place and the rule, never its text. Findings quote values, so such a
 * finding's message is the rule's generic description instead, and its source line is not shown; a
 * finding about another file whose message quotes such an advisory's title or alias is treated the
 * same.
 */
public final class Redaction {
  /** Everything shown as it is: a terminal of the maintainer's, or a private repository. */
  public static final Redaction NONE = new Redaction(Set.of(), List.of());

  /** Aliases and titles shorter than this are too common words to look for. */
  private static final int SHORTEST_SECRET = 4;

  private final Set<Path> hidden;
  private final List<String> secrets;

  private Redaction(Set<Path> hidden, List<String> secrets) {
    this.hidden = Set.copyOf(hidden);
    this.secrets = List.copyOf(secrets);
  }

  /**
   * The redaction findings printed in {@code format} need: none if the site's {@code redact_logs}
   * is false, or for a terminal's text or JSON away from CI; else the advisories not public at the
   * check's {@code now} hidden. {@code onGitHubActions}: the output goes to a workflow's log.
   */
  public static Redaction forOutput(
      CheckedSite checked, DiagnosticFormat format, boolean onGitHubActions) {
    if (!checked.config().redactLogs()) return NONE;
    if (format != DiagnosticFormat.GITHUB && !onGitHubActions) return NONE;
    return of(checked);
  }

  /**
   * Every advisory file not public at the check's {@code now}, or whose advisory was unreadable.
   */
  public static Redaction of(CheckedSite checked) {
    Set<Path> hidden = new HashSet<>();
    List<String> secrets = new ArrayList<>();
    for (AdvisoryFile file : checked.sources().files()) {
      if (file.advisory().isEmpty()) {
        // Its status is unknown: it may be an embargoed advisory with a typo.
        hidden.add(file.path());
        file.diagnostics().forEach(d -> hidden.add(d.file()));
        continue;
      }
      Advisory a = file.advisory().get();
      if (EmbargoPolicy.isPublic(a, checked.now())) continue;
      hidden.add(file.path());
      hidden.add(a.source().file());
      file.diagnostics().forEach(d -> hidden.add(d.file()));
      List<String> named = new ArrayList<>(a.aliases());
      named.add(a.title());
      for (String s : named) {
        String secret = s.strip().toLowerCase(Locale.ROOT);
        if (secret.length() >= SHORTEST_SECRET) secrets.add(secret);
      }
    }
    return new Redaction(hidden, secrets);
  }

  /** Whether findings about {@code file} are redacted. */
  public boolean hides(Path file) {
    return hidden.contains(file);
  }

  /** Whether the finding is shown with its rule's description in place of its message. */
  public boolean redacts(Diagnostic d) {
    if (hides(d.file())) return true;
    if (secrets.isEmpty()) return false;
    String message = d.message().toLowerCase(Locale.ROOT);
    return secrets.stream().anyMatch(message::contains);
  }

  /** What the finding may say: its message, or its rule's generic description. */
  public String message(Diagnostic d) {
    return redacts(d) ? d.rule().summary() + " (details withheld: not public)" : d.message();
  }
}
