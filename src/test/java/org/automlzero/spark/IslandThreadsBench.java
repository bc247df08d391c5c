package org.automlzero.spark;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.automlzero.config.ExperimentConfig;
import org.automlzero.evaluate.Evaluator;
import org.automlzero.evaluate.TrainBudget;
import org.automlzero.random.Rng;
import org.automlzero.search.ExperimentSpec;
import org.automlzero.search.PopulationState;
import org.automlzero.search.RegularizedEvolution;

/**
 * The Spark job's islands without Spark: the same islands (same seeds), the same individuals per
 * epoch and a fresh cache per island per epoch, run as plain Java threads in one JVM with the epochs
 * in lockstep, as the Spark stages run them. Only the evolution is timed; nothing is written. The
 * throughput to compare the Spark job's against (issue 4); run by {@code bench/spark-overhead.sh}.
 *
 * <p>Two kinds of island work: {@code plain} runs {@link RegularizedEvolution} alone; {@code job}
 * runs {@link IslandEpoch#run}, the function the job's tasks run per island (the evolution plus what
 * the job records of it: every birth for the lineage, the per-task fitness of the kept members, the
 * progress and best rows), without Spark and without writing anything. Plain against the job is
 * what the search costs in Spark; job against the Spark run is Spark's own share.
 *
 * <p>Usage: {@code IslandThreadsBench plain|job CONFIG THREADS EPOCHS [key=value ...]}.
 */
public final class IslandThreadsBench {
  private IslandThreadsBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4 || !(args[0].equals("plain") || args[0].equals("job"))) {
      throw new IllegalArgumentException("usage: IslandThreadsBench plain|job CONFIG THREADS EPOCHS [key=value ...]");
    }
    boolean job = args[0].equals("job");
    Path configFile = Path.of(args[1]);
    int threads = Integer.parseInt(args[2]);
    int epochs = Integer.parseInt(args[3]);
    Config config = ExperimentConfig.load(configFile, Arrays.asList(args).subList(4, args.length));
    JobPlan plan = SearchJob.plan(config, configFile);
    ExperimentSpec spec = plan.spec();
    JobSettings settings = plan.settings();
    List<IslandState> islands = new ArrayList<>();
    for (int i = 0; i < settings.islands(); i++) {
      islands.add(PopulationCodec.decode(i, Streams.islandSeed(spec.seed(), i), 0, null, List.of()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long individuals = 0;
    long start = System.nanoTime();
    long startCpu = IslandSearch.processCpuNanos();
    long firstIndividuals = 0;
    double firstSeconds = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      List<Future<IslandState>> futures = new ArrayList<>();
      for (IslandState island : islands) {
        final int e = epoch;
        futures.add(pool.submit(() -> job ? IslandEpoch.run(plan, e, island, List.of()).state()
            : new IslandState(evolve(plan, spec, island.population().withEpoch(e), settings.individualsPerEpoch()),
                island.taskFitness())));
      }
      for (int i = 0; i < islands.size(); i++) {
        IslandState after = futures.get(i).get();
        individuals += after.population().individuals() - islands.get(i).population().individuals();
        islands.set(i, after);
      }
      if (epoch == 0) {
        firstIndividuals = individuals;
        firstSeconds = (System.nanoTime() - start) / 1e9;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (IslandSearch.processCpuNanos() - startCpu) / 1e9;
    pool.shutdown();
    double best = islands.stream().mapToDouble(s -> s.population().best().fitness()).max().orElse(0);
    System.out.printf(Locale.ROOT, "work=%s threads=%d islands=%d epochs=%d individuals=%d seconds=%.1f indivs/s=%.0f cpu=%.1f best=%.6f"
        + " after_epoch0_indivs/s=%.0f%n", args[0], threads, islands.size(), epochs, individuals, seconds, individuals / seconds,
        cpu, best, (individuals - firstIndividuals) / (seconds - firstSeconds));
  }

  private static PopulationState evolve(JobPlan plan, ExperimentSpec spec, PopulationState state, long count) {
    TrainBudget budget = spec.budgetBaseline() == null ? null
        : new TrainBudget(spec.budgetBaseline(), spec.budgetThresholdFactor());
    Evaluator evaluator = new Evaluator(plan.searchTasks(), spec.space(), spec.combination(), spec.maxAbsError(),
        new Rng(0), spec.fec() == null ? null : spec.fec().newCache(), budget);
    return new RegularizedEvolution(spec.evolution(), spec.initial(), spec.mutator(), evaluator::evaluate)
        .advance(state, count);
  }
}
