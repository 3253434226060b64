package dev.disclose.importing;

import dev.disclose.advisory.Advisory;
import dev.disclose.importing.AdvisoryImport.Prefer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Merges a record of another database into the advisory it matches. The other database is
 * authoritative only for what it tracks best: the affected versions, the IDs it knows (a CVE, its
 * own), the references it adds, and a CVSS vector where ours has none; everything else (title,
 * details, timeline, credits, affected functions, reference types, CWEs) stays ours. With the
 * record as last imported ({@code base}) a change is attributed to the side that made it; a field
 * both sides changed differently is a conflict, resolved only by the maintainer's {@link Prefer}.
 */
final class ImportMerge {
  /** A field both sides changed differently: what each side says. */
  record Conflict(String field, String ours, String theirs) {}

  /**
   * What the merge changes: the front matter as it was ({@code before}, as the format writes it),
   * the keys to rewrite (with their new values), each change as diff lines ({@code + added}, {@code
   * - removed}) by field, the conflicts, and notes.
   */
  record Result(
      Map<String, Object> before,
      Map<String, Object> edits,
      List<String> diff,
      List<Conflict> conflicts,
      List<String> notes) {
    boolean changes() {
      return !edits.isEmpty();
    }
  }

  private ImportMerge() {}

  static Result merge(
      Advisory oursAdvisory,
      Advisory theirsAdvisory,
      Optional<Advisory> baseAdvisory,
      String recordId,
      Prefer prefer) {
    Map<String, Object> ours = AdvisoryWriter.frontMatter(oursAdvisory);
    Map<String, Object> theirs = AdvisoryWriter.frontMatter(theirsAdvisory);
    Optional<Map<String, Object>> base = baseAdvisory.map(AdvisoryWriter::frontMatter);
    Map<String, Object> edits = new LinkedHashMap<>();
    List<String> diff = new ArrayList<>();
    List<Conflict> conflicts = new ArrayList<>();
    List<String> notes = new ArrayList<>();

    // IDs: every one either side knows, never ours removed.
    Set<String> aliases = new LinkedHashSet<>(strings(ours.get("aliases")));
    List<String> added = new ArrayList<>();
    List<String> known = new ArrayList<>(strings(theirs.get("aliases")));
    known.add(0, recordId);
    for (String id : known) {
      if (!id.equals(oursAdvisory.id()) && aliases.add(id)) added.add(id);
    }
    if (!added.isEmpty()) {
      edits.put("aliases", List.copyOf(aliases));
      added.forEach(a -> diff.add("aliases: + " + a));
    }

    // References: theirs that ours lacks, by URL; ours keep their types.
    List<Object> references = new ArrayList<>(list(ours.get("references")));
    Set<String> urls = new LinkedHashSet<>();
    for (Object r : references) urls.add(String.valueOf(map(r).get("url")));
    for (Object r : list(theirs.get("references"))) {
      if (urls.add(String.valueOf(map(r).get("url")))) {
        references.add(r);
        diff.add("references: + " + map(r).get("type") + " " + map(r).get("url"));
      }
    }
    if (references.size() != list(ours.get("references")).size())
      edits.put("references", references);

    // Severity: theirs only where ours has none.
    Object ourSeverity = ours.get("severity");
    Object theirSeverity = theirs.get("severity");
    if (ourSeverity == null && theirSeverity != null) {
      edits.put("severity", theirSeverity);
      diff.add("severity: + " + flat(theirSeverity));
    } else if (theirSeverity != null && !theirSeverity.equals(ourSeverity)) {
      notes.add(
          "the record rates it " + flat(theirSeverity) + "; the advisory's own rating is kept");
    }

    mergeAffected(ours, theirs, base, prefer, edits, diff, conflicts);

    if (theirsAdvisory.withdrawn().isPresent() && oursAdvisory.withdrawn().isEmpty()) {
      notes.add(
          "the record is withdrawn; this advisory is not: withdraw it by hand if that is right");
    }
    if (!edits.isEmpty()
        && oursAdvisory.modified().isPresent()
        && theirsAdvisory.modified().isPresent()
        && theirsAdvisory.modified().get().compareTo(oursAdvisory.modified().get()) > 0) {
      edits.put("modified", theirsAdvisory.modified().get().toString());
      diff.add(
          "modified: - " + oursAdvisory.modified().get() + " + " + theirsAdvisory.modified().get());
    }
    return new Result(ours, edits, diff, conflicts, notes);
  }

  /**
   * Affected versions, package by package: a package only theirs names is added; one both name
   * takes their ranges and versions (keeping our functions and the rest) when only they changed
   * them, and conflicts when both did.
   */
  private static void mergeAffected(
      Map<String, Object> ours,
      Map<String, Object> theirs,
      Optional<Map<String, Object>> base,
      Prefer prefer,
      Map<String, Object> edits,
      List<String> diff,
      List<Conflict> conflicts) {
    List<Object> merged = new ArrayList<>(list(ours.get("affected")));
    Map<String, Map<String, Object>> basePackages = new LinkedHashMap<>();
    base.ifPresent(
        b -> {
          List<Object> entries = list(b.get("affected"));
          List<String> keys = occurrenceKeys(entries);
          for (int i = 0; i < entries.size(); i++)
            basePackages.put(keys.get(i), map(entries.get(i)));
        });
    boolean changed = false;
    List<Object> theirEntries = list(theirs.get("affected"));
    List<String> theirKeys = occurrenceKeys(theirEntries);
    for (int n = 0; n < theirEntries.size(); n++) {
      Object t = theirEntries.get(n);
      String key = key(t);
      // A record may list one package several times (the Go database, once per set of import
      // paths): the n-th entry of a package is matched with the n-th on each side.
      int at = occurrenceKeys(merged).indexOf(theirKeys.get(n));
      Optional<Map<String, Object>> was = Optional.ofNullable(basePackages.get(theirKeys.get(n)));
      String theirVersions = versions(map(t));
      if (at < 0) {
        if (was.isPresent() && versions(was.get()).equals(theirVersions)) continue; // ours removed
        if (was.isPresent() && prefer != Prefer.THEIRS) {
          if (prefer == Prefer.NONE)
            conflicts.add(new Conflict("affected " + key, "(removed)", theirVersions));
          continue;
        }
        merged.add(t);
        diff.add("affected: + " + key + " " + theirVersions);
        changed = true;
        continue;
      }
      Map<String, Object> our = map(merged.get(at));
      String ourVersions = versions(our);
      if (ourVersions.equals(theirVersions)) continue;
      // Without a base, a side whose intervals hold all of the other's only added to them.
      Set<String> ourParts = parts(ourVersions);
      Set<String> theirParts = parts(theirVersions);
      boolean onlyTheyChanged =
          ourVersions.isEmpty()
              || was.map(b -> versions(b).equals(ourVersions))
                  .orElse(theirParts.containsAll(ourParts));
      boolean onlyWeChanged =
          was.map(b -> versions(b).equals(theirVersions)).orElse(ourParts.containsAll(theirParts));
      if (onlyWeChanged) continue;
      if (!onlyTheyChanged) {
        if (prefer == Prefer.NONE)
          conflicts.add(new Conflict("affected " + key, ourVersions, theirVersions));
        if (prefer != Prefer.THEIRS) continue;
      }
      Map<String, Object> updated = new LinkedHashMap<>();
      // Their versions in our entry: our functions, purl and the rest stay.
      for (Map.Entry<String, Object> e : our.entrySet()) {
        if (e.getKey().equals("ranges") || e.getKey().equals("versions")) continue;
        updated.put(e.getKey(), e.getValue());
        if (e.getKey().equals("package") || e.getKey().equals("purl")) {
          putVersions(updated, map(t));
        }
      }
      if (!updated.containsKey("ranges") && !updated.containsKey("versions"))
        putVersions(updated, map(t));
      merged.set(at, updated);
      if (theirParts.containsAll(ourParts) && !ourVersions.isEmpty()) {
        for (String added : theirParts)
          if (!ourParts.contains(added)) diff.add("affected " + key + ": + " + added);
      } else {
        diff.add("affected " + key + ": - " + ourVersions);
        diff.add("affected " + key + ": + " + theirVersions);
      }
      changed = true;
    }
    if (changed) edits.put("affected", merged);
  }

  private static void putVersions(Map<String, Object> into, Map<String, Object> from) {
    if (from.containsKey("ranges")) into.put("ranges", from.get("ranges"));
    if (from.containsKey("versions")) into.put("versions", from.get("versions"));
  }

  /** Each entry's {@link #key}, with how many entries of that package came before it. */
  private static List<String> occurrenceKeys(List<Object> entries) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (Object e : entries) {
      String key = key(e);
      out.add(key + "#" + seen.merge(key, 1, Integer::sum));
    }
    return out;
  }

  /** A package's identity across databases: its ecosystem (any case) and name. */
  private static String key(Object affected) {
    Map<String, Object> m = map(affected);
    return String.valueOf(m.get("ecosystem")).toLowerCase(Locale.ROOT).equals("crates.io")
        ? "crates.io " + m.get("package")
        : m.get("ecosystem") + " " + m.get("package");
  }

  /** A package's affected versions as one line, to compare and to show. */
  static String versions(Map<String, Object> affected) {
    List<String> parts = new ArrayList<>();
    for (Object r : list(affected.get("ranges"))) {
      Map<String, Object> range = map(r);
      List<String> events = new ArrayList<>();
      for (String k : List.of("introduced", "fixed", "last_affected", "limit")) {
        if (range.containsKey(k)) events.add(k + " " + range.get(k));
      }
      parts.add(String.join(", ", events));
    }
    List<String> versions = strings(affected.get("versions"));
    if (!versions.isEmpty()) parts.add("versions " + String.join(", ", versions));
    return String.join("; ", parts);
  }

  private static Set<String> parts(String versions) {
    return new LinkedHashSet<>(List.of(versions.split("; ")));
  }

  private static String flat(Object value) {
    if (value instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      m.forEach((k, v) -> parts.add(k + " " + v));
      return String.join(", ", parts);
    }
    return String.valueOf(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<Object> list(Object o) {
    return o instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
  }

  private static List<String> strings(Object o) {
    return list(o).stream().map(Objects::toString).toList();
  }
}
