package dev.disclose.catalog;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The public advisories at one moment, newest first, indexed by ID, alias, package, ecosystem and
 * year. Everything downstream (pages, feeds, exports) reads from here, so an advisory the {@link
 * EmbargoPolicy} holds back cannot leak into any output.
 */
public final class Catalog {
  /**
   * Newest first: by {@link #year}, the dated advisories of a year before its undated ones, then by
   * publication time, then ID descending, so the order never depends on the file system. Those of
   * no known year come last.
   */
  public static final Comparator<Advisory> NEWEST_FIRST =
      Comparator.comparing((Advisory a) -> year(a).orElse(Integer.MIN_VALUE))
          .thenComparing(a -> a.effectivePublished().isPresent())
          .thenComparing(a -> a.effectivePublished().map(Timestamp::instant).orElse(Instant.EPOCH))
          .thenComparing(Advisory::id)
          .reversed();

  /**
   * The year lists place an advisory in: its publication's, else, where its publication date is
   * unknown (an imported record's may be), the year its ID names; empty when neither is known.
   */
  public static Optional<Integer> year(Advisory a) {
    return a.effectivePublished().map(t -> t.date().getYear()).or(() -> AdvisoryId.year(a.id()));
  }

  /** A package as advisories name it. Sorted by ecosystem, then name. */
  public record PackageKey(String ecosystem, String name) implements Comparable<PackageKey> {
    @Override
    public int compareTo(PackageKey o) {
      int c = ecosystem.compareTo(o.ecosystem);
      return c != 0 ? c : name.compareTo(o.name);
    }
  }

  private final List<Advisory> advisories;
  private final Map<String, Advisory> byId;
  private final Map<String, Advisory> byAlias;
  private final TreeMap<PackageKey, List<Advisory>> byPackage;
  private final TreeMap<String, List<Advisory>> byEcosystem;
  private final TreeMap<Integer, List<Advisory>> byYear;
  private final List<Advisory> undated;

  private Catalog(List<Advisory> advisories) {
    this.advisories = List.copyOf(advisories);
    Map<String, Advisory> ids = new LinkedHashMap<>();
    Map<String, Advisory> aliases = new LinkedHashMap<>();
    TreeMap<PackageKey, List<Advisory>> packages = new TreeMap<>();
    TreeMap<String, List<Advisory>> ecosystems = new TreeMap<>();
    TreeMap<Integer, List<Advisory>> years = new TreeMap<>(Comparator.reverseOrder());
    List<Advisory> undated = new ArrayList<>();
    for (Advisory a : this.advisories) {
      ids.put(a.id(), a);
      for (String alias : a.aliases()) aliases.putIfAbsent(alias, a);
      a.affected().stream()
          .map(p -> new PackageKey(p.ecosystem(), p.packageName()))
          .distinct()
          .forEach(k -> packages.computeIfAbsent(k, x -> new ArrayList<>()).add(a));
      a.affected().stream()
          .map(Affected::ecosystem)
          .distinct()
          .forEach(e -> ecosystems.computeIfAbsent(e, x -> new ArrayList<>()).add(a));
      year(a)
          .ifPresentOrElse(
              y -> years.computeIfAbsent(y, x -> new ArrayList<>()).add(a), () -> undated.add(a));
    }
    // HashMap, not Map.copyOf: the immutable map probes linearly, and IDs that differ only in
    // their last digits have neighbouring hash codes, which pile its probes up.
    this.byId = Collections.unmodifiableMap(new HashMap<>(ids));
    this.byAlias = Collections.unmodifiableMap(new HashMap<>(aliases));
    this.byPackage = freeze(packages);
    this.byEcosystem = freeze(ecosystems);
    this.byYear = freeze(years);
    this.undated = List.copyOf(undated);
  }

  /** The advisories of {@code all} that are public at {@code now}. */
  public static Catalog publicAt(List<Advisory> all, Instant now) {
    List<Advisory> visible = new ArrayList<>();
    for (Advisory a : all) if (EmbargoPolicy.isPublic(a, now)) visible.add(a);
    visible.sort(NEWEST_FIRST);
    return new Catalog(visible);
  }

  /** Every advisory, public or not: for a preview build only, which is never published. */
  public static Catalog everything(List<Advisory> all) {
    List<Advisory> sorted = new ArrayList<>(all);
    sorted.sort(NEWEST_FIRST);
    return new Catalog(sorted);
  }

  private static <K> TreeMap<K, List<Advisory>> freeze(TreeMap<K, List<Advisory>> map) {
    map.replaceAll((k, v) -> List.copyOf(v));
    return map;
  }

  public List<Advisory> advisories() {
    return advisories;
  }

  public Optional<Advisory> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<Advisory> byAlias(String alias) {
    return Optional.ofNullable(byAlias.get(alias));
  }

  public Map<PackageKey, List<Advisory>> byPackage() {
    return Collections.unmodifiableSortedMap(byPackage);
  }

  public Map<String, List<Advisory>> byEcosystem() {
    return Collections.unmodifiableSortedMap(byEcosystem);
  }

  /** Years newest first, each advisory under its {@link #year}. */
  public Map<Integer, List<Advisory>> byYear() {
    return Collections.unmodifiableSortedMap(byYear);
  }

  /** The advisories of no known {@link #year}: no publication date, and an ID that names none. */
  public List<Advisory> undated() {
    return undated;
  }

  public int size() {
    return advisories.size();
  }
}
