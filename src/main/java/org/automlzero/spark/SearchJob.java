package org.automlzero.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.automlzero.baseline.TuningSpace;
import org.automlzero.config.ConfigError;
import org.automlzero.config.ExperimentConfig;
import org.automlzero.config.Settings;
import org.automlzero.config.TuningSpaceReader;
import org.automlzero.search.ExperimentSpec;
import org.automlzero.task.DataFiles;
import org.automlzero.task.DatasetLoader;
import org.automlzero.task.Task;
import org.automlzero.task.TaskGenerator;

/**
 * The Spark job: {@code SearchJob CONFIG [key=value ...]} (normally through {@code submit.sh}).
 * Reads and checks the configuration and generates the tasks before Spark starts (a bad config
 * exits with status 2 and writes nothing; only Parquet datasets and datasets at Hadoop URIs start
 * Spark first, to be read), then runs the island search in epochs
 * ({@link IslandSearch}), the select and final stages ({@link FinalStages}), and prints the
 * summary. Exit status 0 on success, 1 on a failed run, 2 on bad input. Stateless.
 */
public final class SearchJob {
  private SearchJob() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err, null);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the job; returns the exit status. {@code spark} is the session to use, or null to get or
   * create one after the config checked out, or earlier to read a Parquet dataset or one at a Hadoop
   * URI (the session is then stopped at the end).
   */
  public static int run(String[] args, PrintStream out, PrintStream err, SparkSession spark) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      (args.length == 0 ? err : out).print(usage());
      return args.length == 0 ? 2 : 0;
    }
    LazySession session = null;
    JobPlan plan;
    Config config;
    try {
      Path file = Path.of(args[0]);
      if (args[0].contains("=") || !file.toFile().isFile()) {
        throw new ConfigError("config", "file " + args[0] + " does not exist or is not a file");
      }
      config = ExperimentConfig.load(file, Arrays.asList(args).subList(1, args.length));
      String appName = "automl-zero " + JobSettings.read(config, file).runName();
      session = new LazySession(spark, () -> SparkSession.builder().appName(appName).getOrCreate());
      long start = System.nanoTime();
      plan = plan(config, file, new SparkDatasetLoader(session));
      out.printf(Locale.ROOT, "tasks: %d search, %d select, %d final, generated in %.1f s%n", plan.searchTasks().size(),
          plan.selectTasks().size(), plan.finalTasks().size(), (System.nanoTime() - start) / 1e9);
    } catch (ConfigError e) {
      if (session != null) {
        session.stopIfStarted();
      }
      err.println("error: " + e.getMessage());
      return 2;
    } catch (RuntimeException | Error e) {
      if (session != null) {
        session.stopIfStarted();
      }
      throw e;
    }
    try {
      SparkSession active = session.get();
      RunStore store = new RunStore(plan.settings().output(), plan.settings().runName(),
          ForklessLocalFileSystem.configure(active.sparkContext().hadoopConfiguration()));
      String runConf = config.root().render(
          ConfigRenderOptions.defaults().setOriginComments(false).setComments(false).setJson(false));
      try {
        prepare(store, runConf, plan.settings().startOver());
      } catch (ConfigError e) {
        err.println("error: " + e.getMessage());
        return 2;
      } catch (UncheckedIOException e) {
        err.println("error: run.output: cannot prepare the run folder " + store.root() + ": "
            + e.getCause().getMessage());
        return 2;
      }
      IslandSearch.Outcome outcome = new IslandSearch(active, plan, store, out::println).run();
      String summary = new FinalStages(active, plan, store).run(outcome);
      out.print(summary);
      return 0;
    } finally {
      session.stopIfStarted();
    }
  }

  /**
   * The plan of a loaded config: every check and the task generation happen here, before the run's
   * folder is touched; {@code loader} reads the datasets (Spark starts first only for a Parquet
   * table or a Hadoop URI).
   */
  static JobPlan plan(Config config, Path file, DatasetLoader loader) {
    ExperimentSpec spec = ExperimentConfig.read(config, file.toAbsolutePath().getParent());
    JobSettings settings = JobSettings.read(config, file);
    TaskGenerator generator = new TaskGenerator(loader);
    TuningSpace baselines = TuningSpaceReader.read(new Settings(config, ""));
    return new JobPlan(config, spec, settings, tasks(generator, spec, "search_tasks"),
        tasks(generator, spec, "select_tasks"), tasks(generator, spec, "final_tasks"), baselines);
  }

  /** {@link #plan(Config, Path, DatasetLoader)} reading IDX and CSV datasets only, without Spark. */
  static JobPlan plan(Config config, Path file) {
    return plan(config, file, DatasetLoader.files(DataFiles.standard()));
  }

  private static List<Task> tasks(TaskGenerator generator, ExperimentSpec spec, String key) {
    try {
      return generator.generate(switch (key) {
        case "search_tasks" -> spec.searchTasks();
        case "select_tasks" -> spec.selectTasks();
        default -> spec.finalTasks();
      });
    } catch (UncheckedIOException | IllegalArgumentException e) {
      throw new ConfigError(key, "cannot generate the tasks: " + e.getMessage());
    }
  }

  /**
   * Readies the run folder: deletes it on start_over; resumes a run made with the same config
   * (except run.*, stop.* and testing.*), dropping anything written after its last committed epoch; refuses
   * anything else. Then writes run.conf.
   */
  static void prepare(RunStore store, String runConf, boolean startOver) {
    if (store.isFile()) {
      throw new ConfigError("run.output", store.root() + " is a file, not a run folder");
    }
    if (startOver) {
      store.deleteAll();
    } else if (store.exists() && !store.isEmptyDirectory()) {
      if (!store.hasFile("run.conf")) {
        throw new ConfigError("run.name", store.root() + " exists and is not a run (no run.conf);"
            + " choose another run.name or run.output");
      }
      String difference = difference(store.readText("run.conf"), runConf);
      if (difference != null) {
        throw new ConfigError("run.start_over", store.root() + " holds a run made with another configuration ("
            + difference + "); set run.start_over=true to replace it, or choose another run.name");
      }
      store.dropUncommitted(store.lastCommitted());
    }
    store.writeText("run.conf", runConf);
  }

  /**
   * The first key whose value differs between two run.conf texts, or null, ignoring run.*, stop.*
   * and the test-only testing.*, none of which changes what an epoch computes.
   */
  static String difference(String storedText, String currentText) {
    Map<String, String> stored = flatten(storedText);
    Map<String, String> current = flatten(currentText);
    TreeMap<String, String> keys = new TreeMap<>(stored);
    keys.putAll(current);
    for (String key : keys.keySet()) {
      String a = stored.get(key);
      String b = current.get(key);
      if (a == null || !a.equals(b)) {
        return key + " was " + (a == null ? "unset" : a) + ", is now " + (b == null ? "unset" : b);
      }
    }
    return null;
  }

  private static Map<String, String> flatten(String text) {
    Config config = ConfigFactory.parseString(text).resolve().withoutPath("run").withoutPath("stop")
        .withoutPath("testing");
    Map<String, String> values = new TreeMap<>();
    config.entrySet().forEach(e -> values.put(e.getKey(), e.getValue().render(ConfigRenderOptions.concise())));
    return values;
  }

  static String usage() {
    return """
        usage: SearchJob CONFIG [key=value ...]
          Runs the island-model AutoML-Zero search of CONFIG (HOCON; every key in reference.conf)
          as a Spark job, then the select and final stages, and writes <run.output>/<run.name>/.
          Normally started by ./submit.sh (see ./submit.sh --help).
        """;
  }
}
