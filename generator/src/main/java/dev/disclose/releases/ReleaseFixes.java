package dev.disclose.releases;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.RangeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which advisories each release fixes: those with a version range of the release's package that is
 * fixed in the release's version (commit ranges name no release). One pass over the advisories,
 * then a lookup per release, for the release pages, validation and link-release-notes alike.
 */
public final class ReleaseFixes {
  private final Map<Key, List<Advisory>> byRelease = new HashMap<>();

  /**
   * A release of a package. A record, not the three joined: the strings of an unchanged advisory
   * are the same instances from one preview rebuild to the next, their hashes known.
   */
  private record Key(String ecosystem, String name, String version) {}

  private ReleaseFixes() {}

  /** {@code advisories} in the order the answers keep. */
  public static ReleaseFixes of(List<Advisory> advisories) {
    ReleaseFixes fixes = new ReleaseFixes();
    for (Advisory a : advisories) {
      Set<Key> keys = new LinkedHashSet<>();
      for (Affected p : a.affected()) {
        for (AffectedRange r : p.ranges()) {
          if (r.type() != RangeType.GIT && r.fixed().isPresent())
            keys.add(new Key(p.ecosystem(), p.packageName(), r.fixed().get()));
        }
      }
      for (Key k : keys) fixes.byRelease.computeIfAbsent(k, x -> new ArrayList<>()).add(a);
    }
    return fixes;
  }

  /** The advisories {@code release} fixes, in the order given to {@link #of}. */
  public List<Advisory> of(Release release) {
    return byRelease.getOrDefault(
        new Key(release.ecosystem(), release.packageName(), release.version()), List.of());
  }
}
