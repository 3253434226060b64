package dev.disclose.advisory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One advisory as its file states it (see docs/advisory-format.md, which this record mirrors field
 * for field). Built by {@link AdvisoryParser}; fields a file got wrong are left empty and reported,
 * so every check can still run.
 */
public record Advisory(
    String id,
    String title,
    Status status,
    Optional<Timestamp> published,
    Optional<Timestamp> modified,
    Optional<Timestamp> embargo,
    Optional<Withdrawal> withdrawn,
    List<String> aliases,
    Optional<Timestamp> cveRequested,
    List<String> related,
    List<String> upstream,
    Severity severity,
    List<String> cwes,
    List<String> keywords,
    List<String> categories,
    Optional<Informational> informational,
    List<Affected> affected,
    List<Reference> references,
    List<Credit> credits,
    Timeline timeline,
    Map<String, Object> databaseSpecific,
    Optional<ImportedFrom> importedFrom,
    String details,
    Source source) {

  public Advisory {
    aliases = List.copyOf(aliases);
    related = List.copyOf(related);
    upstream = List.copyOf(upstream);
    cwes = List.copyOf(cwes);
    keywords = List.copyOf(keywords);
    categories = List.copyOf(categories);
    affected = List.copyOf(affected);
    references = List.copyOf(references);
    credits = List.copyOf(credits);
    databaseSpecific = FreeForm.copy(databaseSpecific);
  }

  /**
   * When the advisory last changed: {@code modified} if written, else the time of the file's last
   * git commit, else {@code published}; never before its withdrawal. The commit time is passed in,
   * so callers decide whether to ask git (see {@link dev.disclose.load.LastCommitTimes}) and output
   * stays a function of its inputs.
   */
  public Optional<Timestamp> effectiveModified(Optional<Instant> lastCommit) {
    Optional<Timestamp> published = effectivePublished();
    // A file committed under embargo is published later with no new commit: never report a
    // modification before publication.
    Optional<Timestamp> committed =
        lastCommit
            .map(Timestamp::ofInstant)
            .map(c -> published.filter(p -> p.compareTo(c) > 0).orElse(c));
    Optional<Timestamp> changed = modified.or(() -> committed).or(() -> published);
    // Withdrawing is a change: subscribers and OSV.dev's polling must see it as one.
    return withdrawn
        .map(Withdrawal::date)
        .filter(w -> changed.map(c -> w.compareTo(c) > 0).orElse(true))
        .or(() -> changed);
  }

  /** This advisory under another title (an imported record without a summary, say). */
  public Advisory withTitle(String newTitle) {
    return edit(e -> e.title = newTitle);
  }

  /** This advisory with another {@code modified} (an import dropping an impossible one, say). */
  public Advisory withModified(Optional<Timestamp> newModified) {
    return edit(e -> e.modified = newModified);
  }

  /** This advisory with another {@code published} (an import dating an undated record, say). */
  public Advisory withPublished(Optional<Timestamp> newPublished) {
    return edit(e -> e.published = newPublished);
  }

  /** This advisory under another ID and aliases (an import numbering it for the site). */
  public Advisory withId(String newId, List<String> newAliases) {
    return edit(
        e -> {
          e.id = newId;
          e.aliases = newAliases;
        });
  }

  /** This advisory as a draft or another status (an import of a draft of another database). */
  public Advisory withStatus(Status newStatus) {
    return edit(e -> e.status = newStatus);
  }

  /** This advisory with other affected packages (an import adding what OSV cannot carry). */
  public Advisory withAffected(List<Affected> newAffected) {
    return edit(e -> e.affected = newAffected);
  }

  /** This advisory with other references (an import leaving out a link that is no URL). */
  public Advisory withReferences(List<Reference> newReferences) {
    return edit(e -> e.references = newReferences);
  }

  /** This advisory with other credits (an import leaving out a contact that is no URL). */
  public Advisory withCredits(List<Credit> newCredits) {
    return edit(e -> e.credits = newCredits);
  }

  /** This advisory as imported from a record of another database. */
  public Advisory withImportedFrom(Optional<ImportedFrom> origin) {
    return edit(e -> e.importedFrom = origin);
  }

  /** A copy with the fields {@code change} sets; the withers' one constructor call. */
  private Advisory edit(Consumer<Changes> change) {
    Changes e = new Changes(this);
    change.accept(e);
    return new Advisory(
        e.id,
        e.title,
        e.status,
        e.published,
        e.modified,
        embargo,
        withdrawn,
        e.aliases,
        cveRequested,
        related,
        upstream,
        severity,
        cwes,
        keywords,
        categories,
        informational,
        e.affected,
        e.references,
        e.credits,
        timeline,
        databaseSpecific,
        e.importedFrom,
        details,
        source);
  }

  /** The fields a wither may change, starting as the advisory's. */
  private static final class Changes {
    String id;
    String title;
    Status status;
    Optional<Timestamp> published;
    Optional<Timestamp> modified;
    List<String> aliases;
    List<Affected> affected;
    List<Reference> references;
    List<Credit> credits;
    Optional<ImportedFrom> importedFrom;

    Changes(Advisory a) {
      id = a.id;
      title = a.title;
      status = a.status;
      published = a.published;
      modified = a.modified;
      aliases = a.aliases;
      affected = a.affected;
      references = a.references;
      credits = a.credits;
      importedFrom = a.importedFrom;
    }
  }

  /** The CVE IDs the advisory is known under: its own ID if it is one, then its CVE aliases. */
  public List<String> cveIds() {
    List<String> ids = new ArrayList<>();
    if (AdvisoryId.isCve(id)) ids.add(id);
    for (String alias : aliases)
      if (AdvisoryId.isCve(alias) && !ids.contains(alias)) ids.add(alias);
    return List.copyOf(ids);
  }

  /** Whether a CVE was requested for the advisory and none is among its IDs yet. */
  public boolean cvePending() {
    return cveRequested.isPresent() && cveIds().isEmpty();
  }

  /** {@code published}, or for an embargoed advisory without one, the instant its embargo lifts. */
  public Optional<Timestamp> effectivePublished() {
    return published.or(() -> status == Status.EMBARGOED ? embargo : Optional.empty());
  }
}
