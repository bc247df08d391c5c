package org.automlzero.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.automlzero.config.ExperimentConfig;
import org.automlzero.program.ProgramText;
import org.automlzero.program.Simplifier;
import org.automlzero.search.Experiment;
import org.automlzero.search.ExperimentSpec;
import org.automlzero.task.TaskGenerator;

/**
 * {@code search CONFIG [key=value ...]}: the reference's experiment driver on one thread, without
 * Spark: progress lines while it runs, then the winner's fitness and code.
 */
final class SearchCommand {
  private SearchCommand() {}

  static int run(List<String> args, PrintStream out) {
    if (args.isEmpty() || args.get(0).contains("=")) {
      throw new Main.UsageError("search needs CONFIG first");
    }
    Path configFile = Main.existingFile(args.get(0), "config");
    ExperimentSpec spec = ExperimentConfig.read(
        ExperimentConfig.load(configFile, args.subList(1, args.size())), configFile.toAbsolutePath().getParent());
    Experiment.Result result = new Experiment(spec, new TaskGenerator(), out::println).run();
    out.printf(Locale.ROOT, "experiments=%d, individuals=%d, train steps=%d, seconds=%.1f, indivs/s=%.0f, "
            + "cache hit rate=%.3f%n", result.experiments(), result.individuals(), result.trainSteps(),
        result.seconds(), result.individuals() / Math.max(result.seconds(), 1e-9), result.cacheHitRate());
    out.printf(Locale.ROOT, "hits (search fitness >= %s) = %d of %d individuals%n",
        spec.evolution().hitThreshold(), result.hits(), result.individuals());
    out.printf(Locale.ROOT, "Search fitness = %.6f, select fitness = %.6f%n", result.searchFitness(),
        result.selectFitness());
    out.printf(Locale.ROOT, "Final evaluation fitness (on unseen data) = %.6f%n", result.finalFitness());
    out.println("Winner:");
    out.println(ProgramText.print(result.winner()));
    out.println("Winner, simplified (instructions that cannot change a prediction removed):");
    out.println(ProgramText.print(Simplifier.simplify(result.winner(), spec.space())));
    return 0;
  }
}
