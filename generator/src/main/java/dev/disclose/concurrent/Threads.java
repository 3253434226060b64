package dev.disclose.concurrent;

/** What the build's own threads share. */
public final class Threads {
  private Threads() {}

  /**
   * Waits for {@code thread} to end, however often this thread is interrupted meanwhile, and
   * keeps the interrupt: a build that gives up removes its output folder, so nothing it started
   * may still be writing there.
   */
  public static void awaitQuietly(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }
}
