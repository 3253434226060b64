package dev.disclose.catalog;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Status;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which advisories are public at a given moment. Drafts never are. An embargoed advisory becomes
 * public when its {@code embargo} instant has passed, with no edit needed, so a scheduled build
 * lifts it on time; any advisory whose {@code embargo} lies in the future is held back, whatever
 * its status says.
 */
public final class EmbargoPolicy {
  private EmbargoPolicy() {}

  public static boolean isPublic(Advisory a, Instant now) {
    if (a.embargo().isPresent() && a.embargo().get().instant().isAfter(now)) return false;
    return switch (a.status()) {
      case PUBLISHED, WITHDRAWN -> true;
      case EMBARGOED -> a.embargo().isPresent();
      case DRAFT -> false;
    };
  }

  /** Whether the advisory is withdrawn (it stays public, marked withdrawn). */
  public static boolean isWithdrawn(Advisory a) {
    return a.status() == Status.WITHDRAWN;
  }

  /** An embargo that has lifted: the advisory, public since {@code at}. */
  public record Lifted(String id, Instant at) {}

  /**
   * The embargoes of {@code advisories} that lifted by {@code now} and left their advisory public,
   * in the order they lifted (ties by ID): what time alone changed of the site since its sources
   * last did.
   */
  public static List<Lifted> liftedBy(Collection<Advisory> advisories, Instant now) {
    return advisories.stream()
        .filter(a -> a.embargo().isPresent() && isPublic(a, now))
        .map(a -> new Lifted(a.id(), a.embargo().get().instant()))
        .sorted(Comparator.comparing(Lifted::at).thenComparing(Lifted::id))
        .toList();
  }
}
