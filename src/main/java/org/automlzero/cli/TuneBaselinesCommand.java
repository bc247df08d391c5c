package org.automlzero.cli;

import com.typesafe.config.Config;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.automlzero.baseline.BaselineModel;
import org.automlzero.baseline.BaselineTuner;
import org.automlzero.baseline.Trial;
import org.automlzero.baseline.TuningSpace;
import org.automlzero.config.ExperimentConfig;
import org.automlzero.config.Settings;
import org.automlzero.config.TaskSpecReader;
import org.automlzero.config.TuningSpaceReader;
import org.automlzero.evaluate.FitnessCombination;
import org.automlzero.task.ProjectedBinarySpec;
import org.automlzero.task.ProjectedBinaryTasks;
import org.automlzero.task.Task;
import org.automlzero.task.TaskGenerator;
import org.automlzero.task.TaskSpec;

/**
 * {@code tune-baselines CONFIG [key=value ...]}: the hand-written baselines tuned by random search
 * on the select tasks of CONFIG ({@code baselines.*}), then scored on its final tasks, on one
 * thread without Spark: what the Spark job's final stage reports beside the winner, with every
 * trial printed. Prints how long task generation took.
 */
final class TuneBaselinesCommand {
  private TuneBaselinesCommand() {}

  static int run(List<String> args, PrintStream out) {
    List<String> positional = new ArrayList<>();
    List<String> overrides = new ArrayList<>();
    for (String arg : args) {
      (arg.contains("=") ? overrides : positional).add(arg);
    }
    if (positional.size() != 1) {
      throw new Main.UsageError("tune-baselines needs CONFIG, got " + positional);
    }
    Path configFile = Main.existingFile(positional.get(0), "config");
    Config config = ExperimentConfig.load(configFile, overrides);
    Settings settings = new Settings(config, "");
    long seed = settings.longIn("seed", 1, Long.MAX_VALUE);
    TuningSpace space = TuningSpaceReader.read(settings);
    FitnessCombination combination = settings.enumValue("search.fitness_combination_mode", FitnessCombination.class);
    double maxAbsError = settings.doubleIn("search.max_abs_error", Double.MIN_VALUE, Double.MAX_VALUE);

    TaskGenerator generator = new TaskGenerator();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime();
    List<Task> select = generator.generate(TaskSpecReader.readList(settings, "select_tasks"));
    out.printf(Locale.ROOT, "task generation: %d select tasks (F=%d, datasets read included) %.1f s, %.1f s CPU%n",
        select.size(), select.get(0).featuresSize(), (System.nanoTime() - start) / 1e9,
        (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
    start = System.nanoTime();
    cpu = threads.getCurrentThreadCpuTime();
    List<TaskSpec> finalSpecs = TaskSpecReader.readList(settings, "final_tasks");
    List<Task> finals = generator.generate(finalSpecs);
    out.printf(Locale.ROOT, "task generation: %d final tasks (F=%d) %.1f s, %.1f s CPU%n", finals.size(),
        finals.get(0).featuresSize(), (System.nanoTime() - start) / 1e9,
        (threads.getCurrentThreadCpuTime() - cpu) / 1e9);

    start = System.nanoTime();
    cpu = threads.getCurrentThreadCpuTime();
    List<Trial> trials = new ArrayList<>();
    out.printf("%-8s %-14s %-40s %s%n", "trial", "model", "hyper-parameters", "select fitness");
    for (Trial trial : BaselineTuner.trials(space, seed)) {
      Trial scored = BaselineTuner.score(trial, select, combination, maxAbsError, seed);
      trials.add(scored);
      out.printf(Locale.ROOT, "%-8d %-14s %-40s %.6f%n", scored.index(), scored.model(), scored.name(),
          scored.selectFitness());
    }
    out.printf(Locale.ROOT, "tuning: %d trials in %.1f s, %.1f s CPU%n", trials.size(),
        (System.nanoTime() - start) / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);

    out.println("final tasks (unseen), each model's best trial on the select tasks:");
    for (BaselineModel model : BaselineModel.values()) {
      start = System.nanoTime();
      Trial best = Trial.best(trials, model);
      double[] perTask = BaselineTuner.finalPerTask(best, finals, combination, maxAbsError, seed);
      double fitness = combination.combine(perTask, perTask.length);
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      for (double f : perTask) {
        min = Math.min(min, f);
        max = Math.max(max, f);
      }
      out.printf(Locale.ROOT, "  %-40s select=%.6f final=%.6f (%s over %d tasks; min %.4f, max %.4f; %.1f s)%n",
          best.name(), best.selectFitness(), fitness, combination.name().toLowerCase(Locale.ROOT), perTask.length,
          min, max, (System.nanoTime() - start) / 1e9);
      out.println("    per class pair (mean final fitness, tasks): " + perPair(generator, finalSpecs, perTask));
    }
    return 0;
  }

  /**
   * The mean fitness per class pair of the projected binary tasks, in pair order ("-" for tasks of
   * other kinds): which held-out pairs are hard.
   */
  static String perPair(TaskGenerator generator, List<TaskSpec> specs, double[] perTask) {
    Map<String, double[]> sums = new TreeMap<>();
    int t = 0;
    for (TaskSpec spec : specs) {
      ProjectedBinarySpec pb = spec.projectedBinary();
      for (int i = 0; i < spec.numTasks(); i++, t++) {
        String key = pb == null ? "-" : ProjectedBinaryTasks.choose(pb,
            generator.dataset(pb.source()).numClasses(), spec.dataSeed(i)).pair().toString();
        double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
        sum[0] += perTask[t];
        sum[1]++;
      }
    }
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, double[]> entry : sums.entrySet()) {
      text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.4f (%d)", entry.getKey(),
          entry.getValue()[0] / entry.getValue()[1], (int) entry.getValue()[1]));
    }
    return text.toString();
  }
}
