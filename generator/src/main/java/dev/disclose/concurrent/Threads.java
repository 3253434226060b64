package dev.disclose.concurrent;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/** What the build's own threads share. */
public final class Threads {
  private Threads() {}

  /**
   * Waits for {@code thread} to end, however often this thread is interrupted meanwhile, and keeps
   * the interrupt: a build that gives up removes its output folder, so nothing it started may still
   * be writing there.
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
   * Starts {@code work} on a thread of its own named {@code name}, a daemon so that it never keeps
   * the process alive, and returns its result to come.
   */
  public static <T> FutureTask<T> alongside(String name, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return task;
  }

  /**
   * Throws what a task on another thread threw, as it was thrown: an I/O failure, an unchecked
   * exception or an error as itself. Anything else (which the build's tasks do not throw) comes
   * back wrapped, for the caller to throw: {@code throw Threads.rethrow(failure)}.
   */
  public static IllegalStateException rethrow(Throwable failure) throws IOException {
    if (failure instanceof IOException io) throw io;
    if (failure instanceof RuntimeException r) throw r;
    if (failure instanceof Error err) throw err;
    return new IllegalStateException(failure);
  }

  /** Work on one item that may fail with an I/O error. */
  @FunctionalInterface
  public interface Work<T> {
    void on(T item) throws IOException;
  }

  /**
   * Runs {@code work} on each item in parallel and returns only when every task has stopped: the
   * first failure is rethrown after the others finish, so that no thread is still writing into a
   * folder that is being discarded.
   */
  public static <T> void inParallel(List<T> items, Work<T> work) throws IOException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    items.parallelStream()
        .forEach(
            item -> {
              if (failure.get() != null) return;
              try {
                work.on(item);
              } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e);
              }
            });
    if (failure.get() != null) throw rethrow(failure.get());
  }
}
