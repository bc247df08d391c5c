package org.automlzero.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The driver's epoch loop. Per epoch: one evolution stage over the islands (the previous epoch's
 * Parquet population, regrouped by island, through {@link EvolvePartition}); the executors write
 * the new population to {@code population/epoch=N}; the driver collects the islands' progress rows
 * and best rows, writes {@code progress/epoch=N}, commits the epoch (marker last), prints one
 * progress line, routes the migrants to the next epoch and checks the stop limits. A run whose
 * folder holds committed epochs continues after the last one, from the same stored data an
 * uninterrupted run reads, so it ends identically. Not thread-safe; one run per instance.
 */
public final class IslandSearch {
  private final SparkSession spark;
  private final JavaSparkContext jsc;
  private final JobPlan plan;
  private final RunStore store;
  private final Consumer<String> log;

  /** The islands after the last epoch and how the search ended. */
  public record Outcome(int epochs, List<IslandSummary> islands, long individuals, double seconds, String reason) {}

  public IslandSearch(SparkSession spark, JobPlan plan, RunStore store, Consumer<String> log) {
    this.spark = spark;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.plan = plan;
    this.store = store;
    this.log = log;
  }

  public Outcome run() {
    JobSettings settings = plan.settings();
    Broadcast<JobPlan> broadcast = jsc.broadcast(plan);
    IslandPartitioner partitioner = new IslandPartitioner(settings.partitions());
    int last = store.lastCommitted();
    List<IslandSummary> islands = last < 0 ? List.of() : load(last);
    if (last >= 0) {
      log.accept("resuming " + store.root() + " after its last committed epoch " + last);
    }
    long start = System.nanoTime();
    int epoch = last + 1;
    String reason;
    while (true) {
      double elapsed = (System.nanoTime() - start) / 1e9;
      reason = epoch == 0 ? null
          : settings.stop().reason(epoch, individuals(islands), elapsed, bestEver(islands));
      if (reason != null) {
        break;
      }
      long epochStart = System.nanoTime();
      islands = epoch(broadcast, partitioner, epoch, islands);
      double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
      log.accept(progressLine(epoch, islands, epochSeconds, (System.nanoTime() - start) / 1e9));
      epoch++;
    }
    jsc.setJobGroup("results", "select and final stages", false);
    log.accept("search ends after epoch " + (epoch - 1) + ": " + reason);
    return new Outcome(epoch, islands, individuals(islands), (System.nanoTime() - start) / 1e9, reason);
  }

  /** Runs, writes and commits one epoch; returns the islands' summaries in island order. */
  private List<IslandSummary> epoch(Broadcast<JobPlan> broadcast, IslandPartitioner partitioner, int epoch,
      List<IslandSummary> previous) {
    JobSettings settings = plan.settings();
    jsc.setJobGroup("epoch " + epoch, String.format(Locale.ROOT, "epoch %d: %d islands x %d individuals",
        epoch, settings.islands(), settings.individualsPerEpoch()), false);
    Map<Integer, Row> progress = new TreeMap<>();
    Map<Integer, List<Row>> bestBySource = new TreeMap<>();
    for (IslandSummary island : previous) {
      progress.put(island.island(), island.progress());
      bestBySource.put(island.island(), island.best());
    }
    Map<Integer, List<Row>> migrants = epoch == 0 ? Map.of()
        : Migration.route(bestBySource, settings, plan.seed(), epoch - 1);

    JavaPairRDD<Integer, Row> input = epoch == 0
        ? jsc.parallelizePairs(List.of(), partitioner.numPartitions())
        : spark.read().schema(PopulationCodec.POPULATION).parquet(store.populationDir(epoch - 1))
            .javaRDD().mapToPair(new KeyByIsland()).partitionBy(partitioner);
    JavaRDD<IslandResult> results = input.mapPartitionsWithIndex(
        new EvolvePartition(broadcast, epoch, partitioner, progress, migrants), true);
    results.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      spark.createDataFrame(results.flatMap(new PopulationRowsOf()), PopulationCodec.POPULATION)
          .write().mode(SaveMode.Overwrite).parquet(store.populationDir(epoch));
      List<IslandSummary> summaries = new ArrayList<>(results.map(new SummaryOf()).collect());
      summaries.sort((a, b) -> Integer.compare(a.island(), b.island()));
      List<Row> progressRows = new ArrayList<>();
      for (IslandSummary summary : summaries) {
        progressRows.add(summary.progress());
      }
      spark.createDataFrame(progressRows, PopulationCodec.PROGRESS).coalesce(1)
          .write().mode(SaveMode.Overwrite).parquet(store.progressDir(epoch));
      store.commit(epoch);
      return List.copyOf(summaries);
    } finally {
      results.unpersist(false);
    }
  }

  /** The summaries of committed epoch {@code epoch}, read back from its Parquet. */
  private List<IslandSummary> load(int epoch) {
    jsc.setJobGroup("resume", "reading committed epoch " + epoch, false);
    Map<Integer, Row> progress = new TreeMap<>();
    for (Row row : spark.read().schema(PopulationCodec.PROGRESS).parquet(store.progressDir(epoch)).collectAsList()) {
      progress.put(row.getInt(row.fieldIndex("island")), row);
    }
    Map<Integer, List<Row>> rows = new TreeMap<>();
    for (Row row : spark.read().schema(PopulationCodec.POPULATION).parquet(store.populationDir(epoch))
        .collectAsList()) {
      rows.computeIfAbsent(row.getInt(row.fieldIndex("island")), i -> new ArrayList<>()).add(row);
    }
    if (progress.size() != plan.settings().islands()) {
      throw new IllegalStateException(store.root() + ": committed epoch " + epoch + " has " + progress.size()
          + " islands, the config " + plan.settings().islands());
    }
    List<IslandSummary> summaries = new ArrayList<>();
    int keep = Math.max(1, plan.settings().migrationCount());
    for (Map.Entry<Integer, Row> entry : progress.entrySet()) {
      summaries.add(new IslandSummary(entry.getKey(), entry.getValue(),
          PopulationCodec.best(rows.getOrDefault(entry.getKey(), List.of()), keep)));
    }
    return List.copyOf(summaries);
  }

  static long individuals(List<IslandSummary> islands) {
    long total = 0;
    for (IslandSummary island : islands) {
      total += island.individuals();
    }
    return total;
  }

  /** The run's best-ever search fitness: the best of the islands' best-ever individuals. */
  static double bestEver(List<IslandSummary> islands) {
    double best = Double.NEGATIVE_INFINITY;
    for (IslandSummary island : islands) {
      best = Math.max(best, island.bestEverFitness());
    }
    return best;
  }

  /**
   * The epoch's progress line. {@code evaluating} is the islands' time over the epoch's wall time
   * times the task slots they could use (min(islands, default parallelism)): the share of the
   * cluster's time spent in the search itself rather than in scheduling, Parquet and driver work.
   */
  private String progressLine(int epoch, List<IslandSummary> islands, double epochSeconds, double elapsed) {
    int slots = Math.min(jsc.defaultParallelism(), plan.settings().partitions());
    long evaluated = 0;
    long hits = 0;
    long lookups = 0;
    long members = 0;
    double weightedMean = 0;
    double best = Double.NEGATIVE_INFINITY;
    double islandSeconds = 0;
    for (IslandSummary island : islands) {
      Row p = island.progress();
      islandSeconds += p.getDouble(p.fieldIndex("seconds"));
      evaluated += p.getLong(p.fieldIndex("evaluated"));
      hits += p.getLong(p.fieldIndex("cache_hits"));
      lookups += p.getLong(p.fieldIndex("cache_lookups"));
      int size = p.getInt(p.fieldIndex("members"));
      members += size;
      weightedMean += size * p.getDouble(p.fieldIndex("mean_fitness"));
      best = Math.max(best, p.getDouble(p.fieldIndex("best_fitness")));
    }
    long total = individuals(islands);
    double fraction = plan.settings().stop().fractionDone(epoch + 1, total, elapsed);
    String remaining = Double.isNaN(fraction) || fraction <= 0 ? "unknown"
        : String.format(Locale.ROOT, "%.0fs", Math.max(0, elapsed / fraction * (1 - Math.min(1, fraction))));
    return String.format(Locale.ROOT,
        "epoch=%d, indivs=%d, indivs/s=%.0f, best fit=%.6f, best ever=%.6f, mean=%.6f, cache hit rate=%s,"
            + " evaluating=%.0f%%, elapsed=%.1fs, remaining=%s",
        epoch, total, evaluated / Math.max(epochSeconds, 1e-9), best, bestEver(islands),
        members == 0 ? Double.NaN : weightedMean / members,
        lookups == 0 ? "off" : String.format(Locale.ROOT, "%.3f", (double) hits / lookups),
        100 * islandSeconds / (epochSeconds * Math.max(1, Math.min(slots, islands.size()))), elapsed, remaining);
  }
}
