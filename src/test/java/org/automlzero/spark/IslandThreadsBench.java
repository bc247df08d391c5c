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
 * <p>Usage: {@code IslandThreadsBench CONFIG THREADS EPOCHS [key=value ...]}.
 */
public final class IslandThreadsBench {
  private IslandThreadsBench() {}

  public static void main(String[] args) throws Exception {
    Path configFile = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    int epochs = Integer.parseInt(args[2]);
    Config config = ExperimentConfig.load(configFile, Arrays.asList(args).subList(3, args.length));
    JobPlan plan = SearchJob.plan(config, configFile);
    ExperimentSpec spec = plan.spec();
    JobSettings settings = plan.settings();
    List<PopulationState> islands = new ArrayList<>();
    for (int i = 0; i < settings.islands(); i++) {
      islands.add(PopulationState.start(i, Streams.islandSeed(spec.seed(), i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long individuals = 0;
    long start = System.nanoTime();
    long startCpu = IslandSearch.processCpuNanos();
    long firstIndividuals = 0;
    double firstSeconds = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      List<Future<PopulationState>> futures = new ArrayList<>();
      for (PopulationState island : islands) {
        final PopulationState state = island.withEpoch(epoch);
        futures.add(pool.submit(() -> evolve(plan, spec, state, settings.individualsPerEpoch())));
      }
      for (int i = 0; i < islands.size(); i++) {
        PopulationState after = futures.get(i).get();
        individuals += after.individuals() - islands.get(i).individuals();
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
    double best = islands.stream().mapToDouble(s -> s.best().fitness()).max().orElse(0);
    System.out.printf(Locale.ROOT, "threads=%d islands=%d epochs=%d individuals=%d seconds=%.1f indivs/s=%.0f cpu=%.1f best=%.6f"
        + " after_epoch0_indivs/s=%.0f%n", threads, islands.size(), epochs, individuals, seconds, individuals / seconds,
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
