package dev.disclose.check;

import dev.disclose.config.SiteConfig;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Rule;
import dev.disclose.load.SiteRoot;
import dev.disclose.markdown.MarkdownLimits;
import dev.disclose.releases.Release;
import dev.disclose.yaml.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * C004 markdown-limit for the Markdown a site renders besides the advisories' details: the security
 * policy page and each release's notes, each found at its line of its file, so that validate
 * refuses what the build would refuse to render.
 */
final class PolicyAndNotesMarkdownCheck {
  private PolicyAndNotesMarkdownCheck() {}

  /**
   * {@code policy}: the policy page's Markdown, if site-config.yaml names one; {@code texts}: each
   * release notes file's text, by its path from the site root.
   */
  static List<Diagnostic> check(
      SiteRoot site,
      SiteConfig config,
      Optional<String> policy,
      List<Release> releases,
      Map<String, String> texts) {
    List<Diagnostic> out = new ArrayList<>();
    if (policy.isPresent() && config.policy().isPresent()) {
      // The page is the whole file: its lines are the file's.
      MarkdownLimits.check(policy.get())
          .ifPresent(
              b ->
                  out.add(
                      finding(site, config.policy().get(), new Position(b.line(), b.column()), b)));
    }
    Map<String, String[]> lines = new HashMap<>();
    for (Release r : releases) {
      Optional<MarkdownLimits.Breach> breach = MarkdownLimits.check(r.notes());
      if (breach.isEmpty()) continue;
      String[] file =
          lines.computeIfAbsent(r.source(), s -> texts.getOrDefault(s, "").split("\n", -1));
      out.add(finding(site, r.source(), inFile(file, r, breach.get()), breach.get()));
    }
    return out;
  }

  private static Diagnostic finding(
      SiteRoot site, String relative, Position at, MarkdownLimits.Breach b) {
    return Diagnostic.of(
        site.display().of(site.root().resolve(relative)),
        at,
        Rule.MARKDOWN_LIMIT,
        b.message() + "; the build refuses Markdown past this limit: simplify it here");
  }

  /**
   * Where a breach of a release's notes is in its file. The notes are lines of the file from the
   * release's first line on, in order, stripped, with some left out (link definitions, blank lines
   * at either end): each line of the notes up to the breach is found in turn.
   */
  static Position inFile(String[] file, Release r, MarkdownLimits.Breach b) {
    String[] notes = r.notes().split("\n", -1);
    int cursor = Math.max(0, r.line() - 1);
    int at = -1;
    for (int k = 0; k < b.line() && k < notes.length; k++) {
      at = ReleaseCheck.locate(file, notes[k], cursor);
      if (at < 0) return new Position(Math.max(1, r.line()), 1);
      cursor = at + 1;
    }
    if (at < 0) return new Position(Math.max(1, r.line()), 1);
    // The first line of the notes lost its indentation to stripping; the file's line has it.
    int shift = indentation(file[at]) - indentation(notes[b.line() - 1]);
    return new Position(at + 1, Math.max(1, b.column() + shift));
  }

  private static int indentation(String line) {
    return line.length() - line.stripLeading().length();
  }
}
