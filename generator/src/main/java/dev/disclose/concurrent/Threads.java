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

  /**
   * Throws what a task on another thread threw, as it was thrown: an I/O failure, an unchecked
   * exception or an error as itself. Anything else (which the build's tasks do not throw) comes
   * back wrapped, for the caller to throw: {@code throw Threads.rethrow(failure)}.
   */
  public static IllegalStateException rethrow(Throwable failure) throws java.io.IOException {
    if (failure instanceof java.io.IOException io) throw io;
    if (failure instanceof RuntimeException r) throw r;
    if (failure instanceof Error err) throw err;
    return new IllegalStateException(failure);
  }
}
