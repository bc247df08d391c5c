package org.automlzero.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerBlockUpdated;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.BlockId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retried tasks and recomputed stages change nothing (issue 5): on local[2,4] (local mode with up to
 * 4 attempts per task), the small config's run is the same, population for population and result for
 * result, when the first attempt of half the evolution tasks fails after evolving an island
 * ({@code testing.fail_first_attempts}), and when an epoch's cached results are lost so that its
 * writes and the next epoch recompute them ({@code testing.lose_cached_epoch}). A listener checks
 * that the faults really happened: failed task attempts, and cached blocks stored a second time.
 */
class SearchJobRetryTest {
  @TempDir Path dir;

  /** Counts failed task attempts and how often each cached RDD block is stored. */
  private static final class Faults extends SparkListener {
    final AtomicInteger failedTasks = new AtomicInteger();
    final Map<String, AtomicInteger> rddBlockStores = new ConcurrentHashMap<>();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (end.reason() != Success$.MODULE$) {
        failedTasks.incrementAndGet();
      }
    }

    @Override
    public void onBlockUpdated(SparkListenerBlockUpdated update) {
      BlockId block = update.blockUpdatedInfo().blockId();
      if (block.isRDD() && update.blockUpdatedInfo().storageLevel().isValid()) {
        rddBlockStores.computeIfAbsent(block.name(), b -> new AtomicInteger()).incrementAndGet();
      }
    }

    int restoredBlocks() {
      int restored = 0;
      for (AtomicInteger stores : rddBlockStores.values()) {
        restored += stores.get() > 1 ? 1 : 0;
      }
      return restored;
    }

    void reset() {
      failedTasks.set(0);
      rddBlockStores.clear();
    }
  }

  private void run(SparkSession spark, String name, String... overrides) throws Exception {
    Path config = TestConfigs.write(dir, "small.conf", TestConfigs.SMALL);
    List<String> args = new ArrayList<>(List.of(config.toString(), "run.output=\"" + dir.resolve("runs") + "\"",
        "run.name=" + name));
    args.addAll(List.of(overrides));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SearchJob.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), spark);
    assertEquals(0, status, "stderr: " + err);
  }

  private List<List<String>> stored(SparkSession spark, String name) {
    return StoredRun.of(spark, dir.resolve("runs").resolve(name));
  }

  @Test
  void failedTasksAndLostCachedResultsChangeNothing() throws Exception {
    SparkSession spark = SparkSession.builder().master("local[2,4]").appName("SearchJobRetryTest")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
    Faults faults = new Faults();
    try {
      spark.sparkContext().addSparkListener(faults);
      run(spark, "plain");
      List<List<String>> plain = stored(spark, "plain");
      spark.sparkContext().listenerBus().waitUntilEmpty();
      assertEquals(0, faults.failedTasks.get());
      assertEquals(0, faults.restoredBlocks(), "without faults every cached block is stored once");

      faults.reset();
      run(spark, "failing", "testing.fail_first_attempts=true");
      spark.sparkContext().listenerBus().waitUntilEmpty();
      // 3 epochs x 3 partitions: (epoch + partition) even for 5 of the 9 evolution tasks.
      assertEquals(5, faults.failedTasks.get(), "injected failures");
      assertEquals(plain, stored(spark, "failing"), "with failed and retried evolution tasks");

      faults.reset();
      run(spark, "lost", "testing.lose_cached_epoch=1");
      spark.sparkContext().listenerBus().waitUntilEmpty();
      assertTrue(faults.restoredBlocks() > 0, "epoch 1's lost blocks were recomputed and stored again");
      assertEquals(plain, stored(spark, "lost"), "with an epoch's cached results lost and recomputed");
    } finally {
      spark.sparkContext().removeSparkListener(faults);
      spark.stop();
    }
  }
}
