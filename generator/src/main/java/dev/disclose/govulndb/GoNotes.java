package dev.disclose.govulndb;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.RangeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What govulncheck makes of an advisory's Go packages that the advisory may not mean, each a note
 * naming the line to change: it reads only {@code introduced} and {@code fixed} of SEMVER ranges,
 * and it stops on an entry whose fields do not decode into its types (a database that holds one
 * fails every scan), so such an advisory is left out.
 */
final class GoNotes {
  private GoNotes() {}

  /** A note; {@code leftOut}: the advisory stays out of the database. */
  record Note(String text, boolean leftOut) {}

  /** The values govulncheck's {@code review_status} accepts. */
  private static final Set<String> REVIEW_STATUSES = Set.of("", "UNREVIEWED", "REVIEWED");

  static List<Note> of(Advisory a) {
    List<Note> notes = new ArrayList<>();
    Map<String, Object> database = a.databaseSpecific();
    if (database.containsKey("url") && !(database.get("url") instanceof String)) {
      notes.add(
          leftOut(
              a,
              "database_specific",
              "`database_specific.url` is not a text, which govulncheck cannot read; make it the"
                  + " advisory's address or remove it"));
    }
    if (database.containsKey("review_status")
        && !(database.get("review_status") instanceof String s && REVIEW_STATUSES.contains(s))) {
      notes.add(
          leftOut(
              a,
              "database_specific",
              "`database_specific.review_status` is `"
                  + database.get("review_status")
                  + "`, which govulncheck cannot read; write UNREVIEWED or REVIEWED, or remove it"));
    }
    for (int i = 0; i < a.affected().size(); i++) {
      Affected p = a.affected().get(i);
      if (!p.ecosystem().equals(GoVulnDb.GO)) continue;
      String path = "affected[" + i + "]";
      if (p.ecosystemSpecific().containsKey("imports")
          && !decodes(p.ecosystemSpecific().get("imports"))) {
        notes.add(
            leftOut(
                a,
                path + ".ecosystem_specific",
                "`ecosystem_specific.imports` of `"
                    + p.packageName()
                    + "` is not a list of {path, goos, goarch, symbols} with texts, which"
                    + " govulncheck cannot read; remove it and list the symbols under `functions`"));
      }
      boolean readable =
          p.ranges().stream().anyMatch(r -> r.type() != RangeType.GIT)
              || (p.ranges().isEmpty() && p.versions().isEmpty());
      if (!readable) {
        notes.add(
            note(
                a,
                path + (p.ranges().isEmpty() ? ".versions" : ".ranges"),
                "govulncheck reads only version ranges, and `"
                    + p.packageName()
                    + "` has none (GIT ranges or `versions` only), so it reports every version as"
                    + " affected; add a range with `introduced` and `fixed` versions"));
      }
      for (int r = 0; r < p.ranges().size(); r++) {
        AffectedRange range = p.ranges().get(r);
        if (range.type() != RangeType.GIT && range.lastAffected().isPresent()) {
          notes.add(
              note(
                  a,
                  path + ".ranges[" + r + "].last_affected",
                  "govulncheck reads `fixed` but not `last_affected`, so it reports every version"
                      + " of `"
                      + p.packageName()
                      + "` from "
                      + range.introducedOrBeginning()
                      + " on as affected; write `fixed` once a release has the fix"));
        }
      }
    }
    return notes;
  }

  private static Note note(Advisory a, String field, String text) {
    return new Note(at(a, field) + ": " + text, false);
  }

  private static Note leftOut(Advisory a, String field, String text) {
    return new Note(
        at(a, field) + ": " + text + "; " + a.id() + " is left out of the Go database", true);
  }

  private static String at(Advisory a, String field) {
    return a.source().relativePath() + ":" + a.source().key(field).line();
  }

  /** Whether the value decodes as govulncheck's {@code imports}: objects of texts and lists. */
  private static boolean decodes(Object imports) {
    if (imports == null) return true;
    if (!(imports instanceof List<?> list)) return false;
    for (Object item : list) {
      if (item == null) continue;
      if (!(item instanceof Map<?, ?> imported)) return false;
      Object path = imported.get("path");
      if (path != null && !(path instanceof String)) return false;
      for (String key : List.of("goos", "goarch", "symbols")) {
        Object v = imported.get(key);
        if (v != null
            && !(v instanceof List<?> l
                && l.stream().allMatch(x -> x == null || x instanceof String))) return false;
      }
    }
    return true;
  }
}
