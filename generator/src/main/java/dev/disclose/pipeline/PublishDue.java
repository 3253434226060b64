package dev.disclose.pipeline;

import dev.disclose.catalog.EmbargoPolicy;
import dev.disclose.catalog.EmbargoPolicy.Lifted;
import dev.disclose.config.SiteConfig;
import dev.disclose.load.EmbargoScan;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteLoader;
import dev.disclose.load.SiteRoot;
import dev.disclose.load.SourceDigest;
import dev.disclose.memo.Memo;
import dev.disclose.sealing.SealingKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a build now would publish anything the deployed build does not: its sources changed, an
 * embargo lifted since it was made, or the moment it named as its next change has passed. Decided
 * from the deployed build's manifest and the site's files hashed, with only the advisories that
 * state an embargo parsed, so that a scheduled job with nothing to do ends in seconds.
 *
 * <p>The manifest names no pending embargo; the embargoes come from the repository (sealed ones
 * opened with the same key the build gets), and the manifest's {@code sources} says which had
 * lifted by the deployed build. The embargoes that lifted since are those whose advisories are
 * public now: naming them gives nothing away.
 */
public final class PublishDue {
  /** Whether to build, and why, in one line. */
  public record Verdict(boolean due, String reason) {}

  private PublishDue() {}

  /** The verdict on {@code site} at {@code now}, against the deployed build's {@code deployed}. */
  public static Verdict decide(
      SiteRoot site, Optional<SealingKey> key, BuildManifest deployed, Instant now)
      throws SiteException {
    String generator = GeneratorVersion.current();
    if (!deployed.generator().equals(generator)) {
      return new Verdict(
          true, "the generator changed (" + deployed.generator() + " → " + generator + ")");
    }
    SiteConfig config = new SiteLoader(Memo.NONE, OutputFormats.names()).config(site).config();
    String files = SourceDigest.of(site, config);
    List<Lifted> lifted = EmbargoPolicy.liftedBy(EmbargoScan.embargoed(site, key), now);
    // The deployed build had lifted the embargoes up to some instant: a prefix of those lifted now.
    for (int k = lifted.size(); k >= 0; k--) {
      if (!BuildManifest.sources(files, generator, lifted.subList(0, k))
          .equals(deployed.sources())) {
        continue;
      }
      if (k < lifted.size())
        return new Verdict(true, liftedSince(lifted.subList(k, lifted.size())));
      Optional<Instant> next = deployed.nextChange().filter(t -> !t.isAfter(now));
      if (next.isPresent()) {
        return new Verdict(
            true,
            "the deployed build's next change ("
                + next.get()
                + ") has passed: security.txt is due for renewal");
      }
      return new Verdict(
          false,
          "nothing changed since the deployed build"
              + deployed.nextChange().map(t -> "; its next change is at " + t).orElse(""));
    }
    return new Verdict(true, "sources changed since the deployed build");
  }

  private static String liftedSince(List<Lifted> since) {
    if (since.size() == 1) return since.get(0).id() + "'s embargo lifted";
    List<String> ids = since.stream().map(Lifted::id).toList();
    String named =
        ids.size() <= 3
            ? String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1)
            : String.join(", ", ids.subList(0, 2)) + " and " + (ids.size() - 2) + " more";
    return "the embargoes of " + named + " lifted";
  }
}
