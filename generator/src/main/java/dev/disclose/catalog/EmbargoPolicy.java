package dev.disclose.catalog;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Status;
import java.time.Instant;

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
}
