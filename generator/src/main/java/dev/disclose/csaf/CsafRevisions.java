package dev.disclose.csaf;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Withdrawal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An advisory's CSAF tracking: its first publication, then a revision for each time it changed
 * after it, numbered from 1 (CSAF's integer versioning), the last one the document's current
 * release. The changes are the commits of the advisory's file in git after publication, its written
 * {@code modified}, and its withdrawal; once {@code modified} is written, later commits are not
 * revisions, as the advisory says it last changed then. Without git, the revisions are the
 * publication, {@code modified} and the withdrawal.
 *
 * @param initial the initial release date: publication
 * @param current the current release date: the last revision
 */
record CsafRevisions(Instant initial, Instant current, List<Revision> revisions) {
  /** One entry of the revision history. */
  record Revision(int number, Instant date, String summary) {}

  static final String INITIAL = "Initial publication.";
  static final String UPDATED = "Updated.";

  CsafRevisions {
    revisions = List.copyOf(revisions);
  }

  /** The document's version: the number of its last revision. */
  String version() {
    return Integer.toString(revisions.size());
  }

  /**
   * The revisions of {@code a}, given its file's commit times and {@code fallback}, the time of a
   * publication whose advisory states none and whose file has no commit and no {@code modified}.
   */
  static CsafRevisions of(Advisory a, List<Instant> commits, Instant fallback) {
    Optional<Instant> lastCommit = commits.stream().max(Instant::compareTo);
    Optional<Instant> modified = a.effectiveModified(lastCommit).map(CsafJson::instant);
    Instant initial =
        a.effectivePublished()
            .map(CsafJson::instant)
            // Of an advisory whose publication date is unknown, this document was first released
            // with its file's first commit.
            .or(() -> commits.stream().min(Instant::compareTo))
            .or(() -> modified)
            .orElse(fallback);
    Instant current = modified.filter(m -> m.isAfter(initial)).orElse(initial);
    TreeSet<Instant> changes = new TreeSet<>();
    for (Instant c : commits) if (c.isAfter(initial) && !c.isAfter(current)) changes.add(c);
    a.modified().map(CsafJson::instant).filter(initial::isBefore).ifPresent(changes::add);
    Optional<Instant> withdrawn =
        a.withdrawn().map(Withdrawal::date).map(CsafJson::instant).map(w -> latest(w, initial));
    withdrawn.filter(initial::isBefore).ifPresent(changes::add);
    changes.add(current);
    changes.remove(initial);
    changes.removeIf(c -> c.isAfter(current));

    List<Revision> out = new ArrayList<>();
    out.add(new Revision(1, initial, INITIAL));
    for (Instant c : changes) {
      out.add(
          new Revision(
              out.size() + 1,
              c,
              withdrawn.filter(c::equals).isPresent() ? withdrawal(a) : UPDATED));
    }
    // Withdrawing is a revision of its own, even on the day of publication.
    if (withdrawn.isPresent() && out.size() == 1)
      out.add(new Revision(2, withdrawn.get(), withdrawal(a)));
    return new CsafRevisions(initial, out.get(out.size() - 1).date(), out);
  }

  private static String withdrawal(Advisory a) {
    return "Withdrawn: " + a.withdrawn().map(Withdrawal::reason).orElse("").strip();
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
