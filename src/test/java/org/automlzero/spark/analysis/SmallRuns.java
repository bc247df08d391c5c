package org.automlzero.spark.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.automlzero.spark.SearchJob;

/**
 * Runs written by the real job for the analysis tests: a small search (three islands of 20, three
 * epochs of 70 individuals, migration every epoch) over tiny linear tasks, a few seconds each.
 */
public final class SmallRuns {
  private SmallRuns() {}

  static final String CONFIG = """
      memory { scalars = 4, vectors = 3, matrices = 1 }
      search_tasks = [{
        kind = scalar_linear_regression, features_size = 4
        num_train_examples = 20, num_valid_examples = 10, num_tasks = 2
      }]
      select_tasks = [{
        kind = scalar_linear_regression, features_size = 4
        num_train_examples = 20, num_valid_examples = 10, num_tasks = 2
        data_seeds = [100], param_seeds = [200]
      }]
      final_tasks = [{
        kind = scalar_linear_regression, features_size = 4
        num_train_examples = 20, num_valid_examples = 10, num_tasks = 2
        data_seeds = [1000], param_seeds = [2000]
      }]
      search {
        population_size = 20
        tournament_size = 5
        initial_population = random_algorithm
        setup_ops = [scalar_const_set, vector_inner_product, scalar_diff, scalar_product, scalar_vector_product, vector_sum]
        predict_ops = ${search.setup_ops}
        learn_ops = ${search.setup_ops}
        setup_size_init = 4
        predict_size_init = 2
        learn_size_init = 4
        fec { enabled = true, num_train_examples = 10, num_valid_examples = 10 }
      }
      islands { count = 3, individuals_per_epoch = 70, migration { interval = 1, count = 2 } }
      stop { max_epochs = 3 }
      """;

  /** Writes the run {@code output/name} with {@code seed}; returns the run folder. */
  public static Path write(SparkSession spark, Path output, String name, long seed) throws IOException {
    Files.createDirectories(output);
    write(spark, output.toString(), output, name, seed);
    return output.resolve(name);
  }

  /** Writes the run {@code output/name} with {@code seed} to any Hadoop URI; the config goes to {@code scratch}. */
  public static void write(SparkSession spark, String output, Path scratch, String name, long seed) throws IOException {
    Path config = scratch.resolve(name + ".conf");
    Files.writeString(config, "seed = " + seed + "\n" + CONFIG);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SearchJob.run(new String[] {config.toString(), "run.output=\"" + output + "\"", "run.name=" + name},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), spark);
    if (status != 0) {
      throw new IllegalStateException("the search failed (" + status + "): " + err.toString(StandardCharsets.UTF_8));
    }
    Files.delete(config);
  }

  private static Path shared;

  /**
   * The folder of two runs, {@code a} (seed 1) and {@code b} (seed 2), written once per test JVM
   * (the searches are the slow part of the analysis tests) and deleted when it exits. Tests must not
   * change it; copy what they alter.
   */
  public static synchronized Path shared(SparkSession spark) throws IOException {
    if (shared == null) {
      Path output = Files.createTempDirectory("notebooks-runs-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(output)));
      write(spark, output, "a", 1);
      write(spark, output, "b", 2);
      shared = output;
    }
    return shared;
  }

  /** Copies a folder tree. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Best effort at exit.
    }
  }

  /** A local session for one test class. */
  public static SparkSession session(String name) {
    return SparkSession.builder().master("local[2]").appName(name).config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4").config("spark.driver.host", "127.0.0.1").getOrCreate();
  }
}
