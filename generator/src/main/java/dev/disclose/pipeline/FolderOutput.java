package dev.disclose.pipeline;

import dev.disclose.load.SiteException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Future;

/**
 * A one-off build's output: written into a staging folder beside the output folder, which replaces
 * it only once every file is written ({@link AtomicPublisher}). A public build reuses the output
 * before last, kept beside it, writing only the files whose bytes changed.
 */
final class FolderOutput implements SiteOutput {
  private final AtomicPublisher.Staging staging;
  private final StagedOutput files;
  private final Path out;

  /** {@code out}, absolute and normalized: where carried files are read from. */
  private final Path base;

  private final boolean preview;
  private final OutputMemory memory;

  /** Whether the staging folder is the output before last whose files the memory knows. */
  private final boolean keptKnown;

  private FolderOutput(
      AtomicPublisher.Staging staging,
      Path out,
      boolean preview,
      OutputMemory memory,
      boolean keptKnown) {
    this.staging = staging;
    this.files = new StagedOutput(staging);
    this.out = out;
    this.base = out.toAbsolutePath().normalize();
    this.preview = preview;
    this.memory = memory;
    this.keptKnown = keptKnown;
  }

  /**
   * How to open the output folder {@code out} of the site at {@code siteRoot}; what killed builds
   * left beside it is dealt with now, and the output before last is listed from now on, while the
   * site is read and checked.
   */
  static SiteOutput.Opener of(Path out, Path siteRoot, boolean preview) throws SiteException {
    AtomicPublisher.recover(out, siteRoot, preview);
    Future<KeptOutput.Listing> kept = AtomicPublisher.listKeptAhead(out, preview);
    return () ->
        new FolderOutput(
            AtomicPublisher.stageReusing(out, siteRoot, preview, kept), out, preview, null, false);
  }

  /**
   * As {@link #of}, for a public build that carries over the files of the last output, {@code out}
   * as it stands, which {@code memory} knows; {@code keptManifest}: the manifest of the output
   * before last, whose files the memory knows too if the kept copy is that output.
   */
  static SiteOutput.Opener remembering(
      Path out, Path siteRoot, OutputMemory memory, byte[] keptManifest) throws SiteException {
    AtomicPublisher.recover(out, siteRoot, false);
    Future<KeptOutput.Listing> kept = AtomicPublisher.listKeptAhead(out, false);
    return () -> {
      AtomicPublisher.Staging staging = AtomicPublisher.stageReusing(out, siteRoot, false, kept);
      return new FolderOutput(
          staging, out, false, memory, staging.reused() && holds(staging.folder(), keptManifest));
    };
  }

  /** Whether {@code folder}'s build manifest is {@code manifest}. */
  private static boolean holds(Path folder, byte[] manifest) {
    if (manifest.length == 0) return false;
    try {
      return Arrays.equals(BuildCache.unfollowed(folder.resolve(BuildManifest.FILE)), manifest);
    } catch (IOException e) {
      return false;
    }
  }

  /** What the output knows of the last build's files; null for none. */
  OutputMemory memory() {
    return memory;
  }

  /**
   * Carries the last output's file over: left as it is where the kept copy being written into
   * already holds the same bytes, else copied from the output as it stands.
   */
  @Override
  public boolean carry(String path, BuildCache.RememberedFile file) {
    if (memory == null) return false;
    if (keptKnown
        && file.keptSha256() != null
        && Arrays.equals(file.keptSha256(), file.sha256())
        && files.keepAsIs(path, file.size())) return true;
    Path from = base.resolve(path).normalize();
    if (!from.startsWith(base)) return false;
    try {
      byte[] bytes = BuildCache.unfollowed(from);
      if (bytes.length != file.size()) return false;
      files.put(path, bytes);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void put(String path, byte[] bytes) {
    files.put(path, bytes);
  }

  @Override
  public OutputStream open(String path) throws IOException {
    return files.open(path);
  }

  @Override
  public void commit() throws IOException, SiteException {
    files.close();
    files.removeUnwritten();
    if (preview) AtomicPublisher.publish(staging, out);
    else AtomicPublisher.publishKeeping(staging, out);
  }

  @Override
  public void abandon(Throwable failure) {
    try {
      files.close();
    } catch (RuntimeException ignored) {
      // the first failure is the one reported
    }
    AtomicPublisher.discard(staging);
  }
}
