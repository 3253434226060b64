package dev.disclose.pipeline;

import dev.disclose.concurrent.Threads;
import dev.disclose.config.SiteConfig;
import dev.disclose.load.LastCommitTimes;
import dev.disclose.load.PublicFiles;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteLoader;
import dev.disclose.load.SiteRoot;
import dev.disclose.load.SourceDigest;
import dev.disclose.memo.Memo;
import dev.disclose.sealing.SealingKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Whether a build now would publish anything the deployed build does not: its sources changed, an
 * embargo lifted since it was made, or the moment it named as its next change has passed. Decided
 * from the deployed build's manifest and the site's public files hashed, with only the advisories
 * that mention a draft or an embargo parsed, so that a scheduled job with nothing to do ends in
 * seconds.
 *
 * <p>The manifest names no pending embargo: the embargoes come from the repository (sealed ones
 * opened with the same key the build gets). An advisory whose embargo lifted since the deployed
 * build is public now and was not then: the deployed {@code sources} digest is the current one
 * without it. Naming it gives nothing away.
 */
public final class PublishDue {
  /** Whether to build, and why, in one line. */
  public record Verdict(boolean due, String reason) {}

  private PublishDue() {}

  /**
   * A verdict, and the digest of every advisory file read to reach it ({@link
   * PublicFiles#allFiles}), if they were read.
   */
  record Decision(Verdict verdict, Optional<String> allFiles) {}

  /** The verdict on {@code site} at {@code now}, against the deployed build's {@code deployed}. */
  public static Verdict decide(
      SiteRoot site, Optional<SealingKey> key, BuildManifest deployed, Instant now)
      throws SiteException {
    return decideReading(site, key, deployed, now).verdict();
  }

  /** As {@link #decide}, with the digest of every advisory file. */
  static Decision decideReading(
      SiteRoot site, Optional<SealingKey> key, BuildManifest deployed, Instant now)
      throws SiteException {
    String generator = GeneratorVersion.current();
    if (!deployed.generator().equals(generator)) {
      return new Decision(
          new Verdict(
              true, "the generator changed (" + deployed.generator() + " → " + generator + ")"),
          Optional.empty());
    }
    // git reads the history while the files are read and hashed.
    FutureTask<LastCommitTimes> history =
        Threads.alongside("disclose-history", () -> LastCommitTimes.read(site.root()));
    SiteConfig config = new SiteLoader(Memo.NONE, OutputFormats.names()).config(site).config();
    PublicFiles.Found found = PublicFiles.find(site, key, now);
    List<PublicFiles.Public> published = found.published();
    Map<Path, String> hashed = new HashMap<>();
    for (PublicFiles.Public p : published) hashed.put(p.file(), p.sha256());
    LastCommitTimes commits;
    try {
      commits = history.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SiteException("interrupted while reading the history", e);
    }
    SourceDigest digest =
        SourceDigest.read(
            site,
            config,
            published.stream().map(PublicFiles.Public::file).toList(),
            hashed,
            commits);
    // The deployed build had lifted the embargoes up to some instant: the current public files
    // without those that lifted after it.
    List<PublicFiles.Public> lifted =
        published.stream()
            .filter(p -> p.lifted().isPresent())
            .sorted(
                Comparator.comparing((PublicFiles.Public p) -> p.lifted().get().at())
                    .thenComparing(p -> p.lifted().get().id()))
            .toList();
    for (int k = lifted.size(); k >= 0; k--) {
      List<Path> since =
          lifted.subList(k, lifted.size()).stream().map(PublicFiles.Public::file).toList();
      if (!BuildManifest.sources(digest.without(since), generator).equals(deployed.sources())) {
        continue;
      }
      if (k < lifted.size())
        return decided(found, new Verdict(true, liftedSince(lifted.subList(k, lifted.size()))));
      Optional<Instant> next = deployed.nextChange().filter(t -> !t.isAfter(now));
      if (next.isPresent()) {
        return decided(
            found,
            new Verdict(
                true,
                "the deployed build's next change ("
                    + next.get()
                    + ") has passed: security.txt is due for renewal"));
      }
      return decided(
          found,
          new Verdict(
              false,
              "nothing changed since the deployed build"
                  + deployed.nextChange().map(t -> "; its next change is at " + t).orElse("")));
    }
    return decided(found, new Verdict(true, "sources changed since the deployed build"));
  }

  private static Decision decided(PublicFiles.Found found, Verdict verdict) {
    return new Decision(verdict, Optional.of(found.allFiles()));
  }

  private static String liftedSince(List<PublicFiles.Public> since) {
    List<String> ids = since.stream().map(p -> p.lifted().get().id()).toList();
    if (ids.size() == 1) return ids.get(0) + "'s embargo lifted";
    String named =
        ids.size() <= 3
            ? String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1)
            : String.join(", ", ids.subList(0, 2)) + " and " + (ids.size() - 2) + " more";
    return "the embargoes of " + named + " lifted";
  }
}
