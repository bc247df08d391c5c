package org.automlzero.spark.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.automlzero.spark.SearchJob;
import org.automlzero.spark.TestConfigs;

/**
 * Runs written by the real job for the analysis tests: {@link TestConfigs#SMALL} with a given seed,
 * a few seconds each.
 */
public final class SmallRuns {
  private SmallRuns() {}

  /** Writes the run {@code output/name} with {@code seed}; returns the run folder. */
  public static Path write(SparkSession spark, Path output, String name, long seed) throws IOException {
    Files.createDirectories(output);
    write(spark, output.toString(), output, name, seed);
    return output.resolve(name);
  }

  /** Writes the run {@code output/name} with {@code seed} to any Hadoop URI; the config goes to {@code scratch}. */
  public static void write(SparkSession spark, String output, Path scratch, String name, long seed) throws IOException {
    Path config = scratch.resolve(name + ".conf");
    Files.writeString(config, TestConfigs.SMALL + "seed = " + seed + "\n");
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

  /** The single long of {@code query}'s first row, such as a count. */
  public static long count(SparkSession spark, String query) {
    return spark.sql(query).first().getLong(0);
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
