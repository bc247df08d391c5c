package org.automlzero.cli;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.automlzero.config.ExperimentConfig;
import org.automlzero.config.Settings;
import org.automlzero.config.TaskSpecReader;
import org.automlzero.evaluate.Evaluator;
import org.automlzero.evaluate.FitnessCombination;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.ProgramParseException;
import org.automlzero.program.ProgramText;
import org.automlzero.random.Rng;
import org.automlzero.task.Task;
import org.automlzero.task.TaskGenerator;

/**
 * {@code evaluate CONFIG PROGRAM [--on search|select|final] [key=value ...]}: the fitness of a
 * program file on one task list of a config, per task and combined, with the config's memory,
 * fitness combination and max_abs_error, no cache and no budget.
 */
final class EvaluateCommand {
  private EvaluateCommand() {}

  static int run(List<String> args, PrintStream out) {
    List<String> positional = new ArrayList<>();
    List<String> overrides = new ArrayList<>();
    String on = "final";
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--on")) {
        if (i + 1 >= args.size()) {
          throw new Main.UsageError("--on needs search, select or final");
        }
        on = args.get(++i);
        if (!List.of("search", "select", "final").contains(on)) {
          throw new Main.UsageError("--on is '" + on + "', must be search, select or final");
        }
      } else if (arg.contains("=")) {
        overrides.add(arg);
      } else {
        positional.add(arg);
      }
    }
    if (positional.size() != 2) {
      throw new Main.UsageError("evaluate needs CONFIG and PROGRAM, got " + positional);
    }
    Path configFile = Main.existingFile(positional.get(0), "config");
    Path programFile = Main.existingFile(positional.get(1), "program");
    Config config = ExperimentConfig.load(configFile, overrides);
    Settings settings = new Settings(config, "");
    AddressSpace space = new AddressSpace(settings.intIn("memory.scalars", 2, 100_000),
        settings.intIn("memory.vectors", 1, 100_000), settings.intIn("memory.matrices", 0, 100_000));
    Algorithm algorithm;
    try {
      algorithm = ProgramText.parse(Files.readString(programFile), space);
    } catch (ProgramParseException e) {
      throw new Main.UsageError(programFile + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long start = System.nanoTime();
    List<Task> tasks = new TaskGenerator().generate(TaskSpecReader.readList(settings, on + "_tasks"));
    FitnessCombination combination = settings.enumValue("search.fitness_combination_mode", FitnessCombination.class);
    double maxAbsError = settings.doubleIn("search.max_abs_error", Double.MIN_VALUE, Double.MAX_VALUE);
    Evaluator evaluator = new Evaluator(tasks, space, combination, maxAbsError,
        new Rng(settings.longIn("seed", 1, Long.MAX_VALUE)), null, null);
    double fitness = evaluator.evaluate(algorithm);
    double[] perTask = evaluator.lastPerTaskFitness();
    out.println(ProgramText.print(algorithm));
    out.printf("%-6s %-10s %4s %8s %8s %s%n", "task", "eval", "F", "train", "valid", "fitness");
    for (int i = 0; i < tasks.size(); i++) {
      Task task = tasks.get(i);
      out.printf("%-6d %-10s %4d %8d %8d %.6f%n", task.index(), task.evalType(), task.featuresSize(),
          task.maxTrainExamples(), task.numValid(), perTask[i]);
    }
    out.printf("%s fitness over %d %s tasks = %.6f (%.2f s)%n", combination.name().toLowerCase(java.util.Locale.ROOT),
        tasks.size(), on, fitness, (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
