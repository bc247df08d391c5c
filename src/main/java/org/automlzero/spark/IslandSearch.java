package org.automlzero.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The driver's epoch loop. Per epoch one evolution stage over the islands ({@link EvolvePartition}),
 * which writes the epoch's population to {@code population/epoch=N} as it goes and returns each
 * island's {@link IslandResult} (its state as compact bytes and its summary), cached on the
 * executors: the driver collects only the summaries (progress and best rows), writes the progress
 * rows to {@code progress/epoch=N}, commits the epoch (marker last), prints one progress line, routes
 * the migrants and checks the stop limits, and the next epoch's stage evolves the cached results
 * (no shuffle, no Parquet read), its partitions ordered by the islands' last epoch times, longest
 * first ({@link #layout}, moved by {@link IslandRegrouping}). Spark SQL takes no part in an epoch: the
 * files are written by {@link ParquetRows}.
 *
 * <p>A run whose folder holds committed epochs continues after the last one from its stored rows
 * ({@link StoredIslands}), which decode to exactly the states the cached results hold, so it ends
 * identically to an uninterrupted run. The same stored path starts a fresh lineage every
 * {@link #LINEAGE_EPOCHS} epochs, so that recomputing a lost cached partition never goes back further.
 * Not thread-safe; one run per instance.
 */
public final class IslandSearch {
  /**
   * Epochs evolved from cached results before the next epoch starts again from the committed Parquet
   * of the previous one: bounds the work Spark redoes for a lost cached partition (and the lineage it
   * serializes) at the price of one Parquet read and shuffle per that many epochs.
   */
  public static final int LINEAGE_EPOCHS = 20;

  private final SparkSession spark;
  private final JavaSparkContext jsc;
  private final JobPlan plan;
  private final RunStore store;
  private final Consumer<String> log;
  private final int lineageEpochs;
  /** The last epoch's cached results, null before the first epoch of this job. */
  private JavaRDD<IslandResult> cached;
  /** Where {@link #cached} holds each island. */
  private IslandPartitioner cachedLayout;
  /** Epochs evolved since the lineage last started from stored rows (or from scratch). */
  private int lineage;

  /** The islands after the last epoch and how the search ended. */
  public record Outcome(int epochs, List<IslandSummary> islands, long individuals, double seconds, String reason) {}

  public IslandSearch(SparkSession spark, JobPlan plan, RunStore store, Consumer<String> log) {
    this(spark, plan, store, log, LINEAGE_EPOCHS);
  }

  /** With another lineage bound, so that tests can make every epoch start from the stored rows. */
  IslandSearch(SparkSession spark, JobPlan plan, RunStore store, Consumer<String> log, int lineageEpochs) {
    if (lineageEpochs < 1) {
      throw new IllegalArgumentException("lineageEpochs is " + lineageEpochs + ", must be >= 1");
    }
    this.spark = spark;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.plan = plan;
    this.store = store;
    this.log = log;
    this.lineageEpochs = lineageEpochs;
  }

  public Outcome run() {
    JobSettings settings = plan.settings();
    Broadcast<JobPlan> broadcast = jsc.broadcast(plan);
    // Our own writes (population, births, progress) open file: paths without forking chmod.
    Configuration files = ForklessLocalFileSystem.configure(jsc.hadoopConfiguration());
    Broadcast<SerializableConfiguration> hadoop = jsc.broadcast(new SerializableConfiguration(files));
    int last = store.lastCommitted();
    List<IslandSummary> islands = last < 0 ? List.of() : load(last);
    if (last >= 0) {
      log.accept("resuming " + store.root() + " after its last committed epoch " + last);
    }
    long start = System.nanoTime();
    long startCpu = processCpuNanos();
    int epoch = last + 1;
    String reason;
    try {
      while (true) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        reason = epoch == 0 ? null
            : settings.stop().reason(epoch, individuals(islands), elapsed, bestEver(islands));
        if (reason != null) {
          break;
        }
        long epochStart = System.nanoTime();
        islands = epoch(broadcast, hadoop, epoch, islands);
        double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
        log.accept(progressLine(epoch, islands, epochSeconds, (System.nanoTime() - start) / 1e9));
        epoch++;
      }
    } finally {
      if (cached != null) {
        cached.unpersist(false);
        cached = null;
        cachedLayout = null;
      }
    }
    jsc.setJobGroup("results", "select and final stages", false);
    log.accept(String.format(Locale.ROOT, "search ends after epoch %d: %s; this JVM used %.1f CPU-seconds during"
        + " the search (in local mode: the driver and the executors)", epoch - 1, reason,
        (processCpuNanos() - startCpu) / 1e9));
    return new Outcome(epoch, islands, individuals(islands), (System.nanoTime() - start) / 1e9, reason);
  }

  /**
   * Runs one epoch's evolution stage (which also writes the epoch's population files), writes its
   * progress rows and commits it; returns the islands' summaries in island order.
   */
  private List<IslandSummary> epoch(Broadcast<JobPlan> broadcast, Broadcast<SerializableConfiguration> hadoop,
      int epoch, List<IslandSummary> previous) {
    JobSettings settings = plan.settings();
    jsc.setJobGroup("epoch " + epoch, String.format(Locale.ROOT, "epoch %d: %d islands x %d individuals",
        epoch, settings.islands(), settings.individualsPerEpoch()), false);
    Map<Integer, List<Row>> bestBySource = new TreeMap<>();
    for (IslandSummary island : previous) {
      bestBySource.put(island.island(), island.best());
    }
    Map<Integer, List<Row>> migrants = epoch == 0 ? Map.of()
        : Migration.route(bestBySource, settings, plan.seed(), epoch - 1);

    IslandPartitioner partitioner = layout(previous);
    JavaRDD<IslandResult> input;
    if (epoch == 0) {
      input = jsc.parallelize(List.of(), partitioner.numPartitions());
      lineage = 0;
    } else if (cached != null && lineage < lineageEpochs) {
      input = IslandRegrouping.move(cached, cachedLayout, partitioner);
    } else {
      input = stored(partitioner, epoch - 1, previous);
      lineage = 0;
    }
    JavaRDD<IslandResult> results = input.mapPartitionsWithIndex(
        new EvolvePartition(broadcast, epoch, partitioner, migrants, store.populationDir(epoch),
            store.birthsDir(epoch), hadoop), true);
    results.persist(StorageLevel.MEMORY_AND_DISK());
    List<IslandSummary> summaries;
    try {
      summaries = new ArrayList<>(results.map(new SummaryOf()).collect());
    } catch (RuntimeException e) {
      results.unpersist(false);
      throw e;
    }
    summaries.sort((a, b) -> Integer.compare(a.island(), b.island()));
    if (cached != null) {
      cached.unpersist(false);
    }
    if (settings.faults().loseCachedEpoch() == epoch) {
      // Test only: the blocks go, the RDD stays marked as persisted, as after losing its executors.
      SparkEnv.get().blockManager().master().removeRdd(results.id(), true);
    }
    cached = results;
    cachedLayout = partitioner;
    lineage++;
    List<Row> progressRows = new ArrayList<>();
    for (IslandSummary summary : summaries) {
      progressRows.add(summary.progress());
    }
    ParquetRows.write(store.progressDir(epoch), EvolvePartition.fileName(0), PopulationCodec.PROGRESS,
        hadoop.value().value(), progressRows);
    if (settings.faults().stallBeforeCommit() == epoch) {
      FaultInjection.stall("testing.stall_before_commit: epoch " + epoch);
    }
    store.commit(epoch);
    return List.copyOf(summaries);
  }

  /**
   * Where the next epoch evolves each island: in partition order by the islands' seconds in the
   * last epoch, longest first ({@link IslandPartitioner#longestFirst}), so that with more islands
   * than task slots the stage does not end with a long island started last while the other slots
   * idle; island i in partition i mod n before the first epoch.
   */
  private IslandPartitioner layout(List<IslandSummary> previous) {
    int partitions = plan.settings().partitions();
    int islands = plan.settings().islands();
    if (previous.size() != islands) {
      return IslandPartitioner.modulo(partitions, islands);
    }
    double[] seconds = new double[islands];
    for (IslandSummary island : previous) {
      Row progress = island.progress();
      seconds[island.island()] = progress.getDouble(progress.fieldIndex("seconds"));
    }
    return IslandPartitioner.longestFirst(partitions, seconds);
  }

  /** The islands of committed epoch {@code epoch} from its stored population and {@code islands}' progress rows. */
  private JavaRDD<IslandResult> stored(IslandPartitioner partitioner, int epoch, List<IslandSummary> islands) {
    Map<Integer, Row> progress = new TreeMap<>();
    for (IslandSummary island : islands) {
      progress.put(island.island(), island.progress());
    }
    return spark.read().schema(PopulationCodec.POPULATION).parquet(store.populationDir(epoch))
        .javaRDD().mapToPair(new KeyByIsland()).partitionBy(partitioner)
        .mapPartitionsWithIndex(new StoredIslands(partitioner, progress, Math.max(1, plan.settings().migrationCount()),
            plan.seed(), epoch), true);
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

  /** The CPU time this JVM has used, all threads; -1 where the JVM does not say. */
  static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
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
