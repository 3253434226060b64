package dev.disclose.importing;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.Credit;
import dev.disclose.advisory.RangeType;
import dev.disclose.advisory.Reference;
import dev.disclose.advisory.Timestamp;
import dev.disclose.text.Urls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an import changes in another database's record so that the format can hold it, each change
 * with a note: everything else the record says is kept as published, and what the site's rules
 * would refuse in a hand-written advisory is a warning on an imported one (see {@code
 * docs/validation-rules.md}).
 */
final class ForeignRecordTidy {
  /** No advisory predates this; an earlier time is a database's placeholder for "not known". */
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  private ForeignRecordTidy() {}

  static Advisory tidy(Advisory advisory, List<String> notes) {
    Advisory a = withoutPlaceholderTimes(advisory, notes);
    // The format refuses a change before publication (D002): without it, the advisory dates from
    // its publication (or its file's last commit).
    if (a.modified().isPresent()
        && a.published().isPresent()
        && a.modified().get().compareTo(a.published().get()) < 0) {
      notes.add("`modified` " + a.modified().get() + " is before `published`: left out");
      a = a.withModified(Optional.empty());
    }
    String title = oneLine(a.title());
    if (!title.equals(a.title())) {
      notes.add("the summary spans several lines: folded to one, as a title is");
      a = a.withTitle(title);
    }
    return withoutLinksThatAreNoUrls(withCommitHashes(withoutEmptyRanges(a, notes), notes), notes);
  }

  /** A commit hash with what a link to its patch adds: {@code <hash>.patch}, a trailing dot. */
  private static final Pattern COMMIT_LINK =
      Pattern.compile("([0-9a-fA-F]{40}|[0-9a-fA-F]{64})(?:\\.patch|\\.diff|\\.)");

  /**
   * {@code a} with GIT events that name a commit through its patch's link ({@code <hash>.patch}, as
   * PyPA's records sometimes do) written as the commit's hash, each with a note.
   */
  static Advisory withCommitHashes(Advisory a, List<String> notes) {
    boolean changed = false;
    List<Affected> affected = new ArrayList<>();
    for (Affected p : a.affected()) {
      List<AffectedRange> ranges = new ArrayList<>();
      for (AffectedRange r : p.ranges()) {
        AffectedRange hashed = r;
        if (r.type() == RangeType.GIT) {
          hashed =
              r.withEvents(
                  r.introduced().map(v -> hash(v, notes)),
                  r.fixed().map(v -> hash(v, notes)),
                  r.lastAffected().map(v -> hash(v, notes)),
                  r.limit().map(v -> hash(v, notes)));
        }
        changed |= !hashed.equals(r);
        ranges.add(hashed);
      }
      affected.add(p.withRanges(ranges));
    }
    return changed ? a.withAffected(affected) : a;
  }

  private static String hash(String event, List<String> notes) {
    Matcher m = COMMIT_LINK.matcher(event);
    if (!m.matches()) return event;
    String hash = m.group(1).toLowerCase(Locale.ROOT);
    notes.add("the GIT event `" + event + "` names commit " + hash + ": written as its hash");
    return hash;
  }

  /**
   * {@code a} without times before 1970: the Go database's repository writes its zero time,
   * 0001-01-01, until the record is deployed; such a date is unknown, not year 1.
   */
  private static Advisory withoutPlaceholderTimes(Advisory a, List<String> notes) {
    List<String> fields = new ArrayList<>();
    Optional<Timestamp> time = Optional.empty();
    if (isPlaceholder(a.published())) {
      fields.add("`published`");
      time = a.published();
      a = a.withPublished(Optional.empty());
    }
    if (isPlaceholder(a.modified())) {
      fields.add("`modified`");
      time = time.or(a::modified);
      a = a.withModified(Optional.empty());
    }
    if (time.isPresent())
      notes.add(
          String.join(" and ", fields)
              + (fields.size() > 1 ? " are " : " is ")
              + time.get()
              + ", a placeholder for no date: left unknown");
    return a;
  }

  private static boolean isPlaceholder(Optional<Timestamp> t) {
    return t.isPresent() && t.get().instant().isBefore(EARLIEST);
  }

  /** {@code text}'s lines, each stripped, joined by spaces, in one pass. */
  static String oneLine(String text) {
    if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return text;
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\r\n|\r|\n")) {
      String part = line.strip();
      if (part.isEmpty()) continue;
      if (out.length() > 0) out.append(' ');
      out.append(part);
    }
    return out.toString();
  }

  /**
   * {@code a} without the ranges that affect no version (introduced and fixed the same, as
   * RustSec's OSV writes a requirement that overlaps the next), each dropped with a note.
   */
  static Advisory withoutEmptyRanges(Advisory a, List<String> notes) {
    boolean changed = false;
    List<Affected> affected = new ArrayList<>();
    for (Affected p : a.affected()) {
      List<AffectedRange> kept = new ArrayList<>();
      for (AffectedRange r : p.ranges()) {
        if (r.fixed().isPresent() && r.fixed().get().equals(r.introducedOrBeginning())) {
          notes.add(
              "dropped the range of "
                  + p.packageName()
                  + " introduced and fixed in "
                  + r.fixed().get()
                  + ", which affects no version");
          changed = true;
        } else {
          kept.add(r);
        }
      }
      affected.add(kept.size() == p.ranges().size() ? p : p.withRanges(kept));
    }
    return changed ? a.withAffected(affected) : a;
  }

  /**
   * {@code a} without references that are not http(s) URLs and credit contacts that are no URL (a
   * {@code ttps://} typo): no page could link them, and a {@code javascript:} link must never reach
   * one.
   */
  private static Advisory withoutLinksThatAreNoUrls(Advisory a, List<String> notes) {
    List<Reference> references = new ArrayList<>();
    for (Reference r : a.references()) {
      if (Urls.isHttpUrl(r.url())) references.add(r);
      else notes.add("dropped the reference `" + shown(r.url()) + "`, which is no http(s) URL");
    }
    List<Credit> credits = new ArrayList<>();
    boolean creditsChanged = false;
    for (Credit c : a.credits()) {
      List<String> contacts = new ArrayList<>();
      for (String contact : c.contact()) {
        if (Urls.isContactUrl(contact)) contacts.add(contact);
        else notes.add("dropped " + c.name() + "'s contact `" + shown(contact) + "`, no URL");
      }
      creditsChanged |= contacts.size() != c.contact().size();
      credits.add(new Credit(c.name(), contacts, c.type()));
    }
    Advisory out = a;
    if (references.size() != a.references().size()) out = out.withReferences(references);
    if (creditsChanged) out = out.withCredits(credits);
    return out;
  }

  private static String shown(String link) {
    return link.length() > 80 ? link.substring(0, 77) + "…" : link;
  }
}
