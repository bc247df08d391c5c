package org.automlzero.spark;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.automlzero.config.ExperimentConfig;

/**
 * What an evolution task does per island besides evolving it, timed in a warm loop without Spark:
 * encoding the island's state for the cache ({@link IslandResult#of}), decoding it, building the
 * population rows and writing the population and birth rows as Parquet ({@link ParquetRows}, through
 * {@link ForklessLocalFileSystem} as the job does) to a temporary folder. The island is island 0 of
 * the config after two epochs of {@code INDIVIDUALS} individuals. Prints the median milliseconds
 * of each step over the rounds after the first fifth.
 *
 * <p>Usage: {@code IslandWriteBench CONFIG [ROUNDS] [INDIVIDUALS]} (defaults 200, 30000); run by
 * {@code bench/island-write.sh}.
 */
public final class IslandWriteBench {
  private IslandWriteBench() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int individuals = args.length > 2 ? Integer.parseInt(args[2]) : 30_000;
    Config config = ExperimentConfig.load(file, List.of("islands.individuals_per_epoch=" + individuals));
    JobPlan plan = SearchJob.plan(config, file);
    IslandEpoch.Result result = null;
    for (int epoch = 0; epoch < 2; epoch++) {
      IslandState start = PopulationCodec.decode(0, Streams.islandSeed(plan.seed(), 0), epoch,
          result == null ? null : result.progress(), result == null ? List.of() : result.population());
      result = IslandEpoch.run(plan, epoch, start, List.of());
    }
    Configuration hadoop = ForklessLocalFileSystem.configure(new Configuration());
    Path dir = Files.createTempDirectory("island-write-bench");
    String[] steps = {"encode state", "decode state", "population rows", "write population", "write births"};
    double[][] millis = new double[steps.length][rounds];
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      IslandResult encoded = IslandResult.of(result);
      long t1 = System.nanoTime();
      encoded.decodeState();
      long t2 = System.nanoTime();
      List<Row> population = result.population();
      long t3 = System.nanoTime();
      ParquetRows.write(dir.toUri().toString(), "population-" + round + ".parquet", PopulationCodec.POPULATION,
          hadoop, population);
      long t4 = System.nanoTime();
      ParquetRows.write(dir.toUri().toString(), "births-" + round + ".parquet", PopulationCodec.BIRTH, hadoop,
          result.births());
      long t5 = System.nanoTime();
      long[] times = {t0, t1, t2, t3, t4, t5};
      for (int step = 0; step < steps.length; step++) {
        millis[step][round] = (times[step + 1] - times[step]) / 1e6;
      }
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "island 0 after 2 epochs of %d: %d members, %d birth rows; median ms over rounds %d-%d:", individuals,
        result.state().population().members().size(), result.births().size(), rounds / 5 + 1, rounds));
    for (int step = 0; step < steps.length; step++) {
      double[] warm = Arrays.copyOfRange(millis[step], rounds / 5, rounds);
      Arrays.sort(warm);
      line.append(String.format(Locale.ROOT, " %s %.1f", steps[step], warm[warm.length / 2]));
    }
    System.out.println(line);
    try (var files = Files.list(dir)) {
      files.forEach(f -> f.toFile().delete());
    }
    Files.delete(dir);
  }
}
