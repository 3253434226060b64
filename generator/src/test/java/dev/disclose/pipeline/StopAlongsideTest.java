package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A failed build waits for its other tasks before discarding the staging folder; out of memory,
 * only for a while.
 */
class StopAlongsideTest {
  @Test
  @Timeout(10) // a guard against hanging, not a speed requirement
  void aTaskThatNeverEndsIsGivenUpAfterTheWait() {
    Future<Integer> stuck = new CompletableFuture<>();
    assertThat(SiteWriter.stop(List.of(CompletableFuture.completedFuture(1), stuck), 50)).isFalse();
  }

  @Test
  void finishedAndFailedTasksAreWaitedFor() {
    CompletableFuture<Integer> failed = new CompletableFuture<>();
    failed.completeExceptionally(
        new IllegalStateException("the first failure is reported elsewhere"));
    CompletableFuture<Integer> late =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                Thread.sleep(20);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return 2;
            });
    assertThat(SiteWriter.stop(List.of(failed, late), 5_000)).isTrue();
    assertThat(late).isDone();
  }
}
