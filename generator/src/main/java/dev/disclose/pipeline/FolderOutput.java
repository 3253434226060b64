package dev.disclose.pipeline;

import dev.disclose.load.SiteException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
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
  private final boolean preview;

  private FolderOutput(AtomicPublisher.Staging staging, Path out, boolean preview) {
    this.staging = staging;
    this.files = new StagedOutput(staging);
    this.out = out;
    this.preview = preview;
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
        new FolderOutput(AtomicPublisher.stageReusing(out, siteRoot, preview, kept), out, preview);
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
