package dev.disclose.importing;

import dev.disclose.concurrent.Threads;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.FutureTask;

/**
 * A value made on a spare core ahead of its turn, or by the thread that needs it if that thread
 * gets there first: the import writes its files in the records' order, one by one, while the files'
 * texts are made in parallel.
 */
final class Ahead<T> {
  private final FutureTask<T> task;

  private Ahead(FutureTask<T> task) {
    this.task = task;
  }

  /**
   * Starts making the value on the pool this thread works in, as a parallel stream would, else on
   * the common pool.
   */
  static <T> Ahead<T> start(Callable<T> make) {
    FutureTask<T> task = new FutureTask<>(make);
    ForkJoinPool pool = ForkJoinTask.getPool();
    (pool != null ? pool : ForkJoinPool.commonPool()).execute(task);
    return new Ahead<>(task);
  }

  /**
   * The value: made here if no other thread has started it, else waited for; what making it threw
   * is thrown as itself.
   */
  T get() throws IOException {
    task.run();
    try {
      return task.get();
    } catch (ExecutionException e) {
      throw Threads.rethrow(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the import's files", e);
    }
  }
}
