package dev.disclose.plan;

import java.util.Optional;

/**
 * How to plan: the address the site is served from, if not site-config.yaml's (a build's {@code
 * --base-url}); and whether this is a preview, planning every advisory, drafts and embargoed ones
 * included, each marked as not public.
 */
public record PlanRequest(Optional<String> baseUrl, boolean preview) {
  public static final PlanRequest PUBLIC = new PlanRequest(Optional.empty(), false);
}
