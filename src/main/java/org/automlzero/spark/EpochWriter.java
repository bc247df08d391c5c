package org.automlzero.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The driver's background writer: runs each epoch's writes and commit (Spark jobs of their own, over
 * the epoch's cached results) one after the other, in submission order, on one daemon thread, so the
 * next epoch's evolution stage runs while the previous epoch is being written and committed. The
 * order keeps the commit markers in epoch order, each after everything of its epoch. The first
 * failure of a step is rethrown by {@link #check} or {@link #drain} on the submitting thread.
 * Not thread-safe: one driver thread submits, checks and drains.
 */
final class EpochWriter implements AutoCloseable {
  /**
   * Steps that may wait at once; submitting another waits for the oldest first. Bounds the epochs
   * held in the executors' cache and the committed work a killed job loses.
   */
  static final int MAX_PENDING = 3;

  private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
    Thread t = new Thread(runnable, "automl-zero epoch writer");
    t.setDaemon(true);
    return t;
  });
  private final Deque<Future<?>> pending = new ArrayDeque<>();

  /**
   * Queues {@code step} after the steps submitted before it, first waiting while {@link #MAX_PENDING}
   * are unfinished; rethrows an earlier step's failure first.
   */
  void submit(Runnable step) {
    check();
    while (pending.size() >= MAX_PENDING) {
      finish(pending.poll());
    }
    pending.add(thread.submit(step));
  }

  /** Rethrows the failure of a finished step, if any; does not wait. */
  void check() {
    while (!pending.isEmpty() && pending.peek().isDone()) {
      finish(pending.poll());
    }
  }

  /** Waits until every submitted step is done; rethrows the first failure. */
  void drain() {
    while (!pending.isEmpty()) {
      finish(pending.poll());
    }
  }

  /**
   * Lets the queued steps finish (so epochs whose evolution is done still get committed when the
   * search itself fails) and stops the thread; failures are left to {@link #drain}.
   */
  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void finish(Future<?> step) {
    try {
      step.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("writing an epoch failed: " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an epoch's writes", e);
    }
  }
}
