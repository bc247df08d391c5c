package org.automlzero.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.automlzero.config.ExperimentConfig;
import org.automlzero.program.ProgramText;
import org.automlzero.task.TaskGenerator;
import org.junit.jupiter.api.Test;

class ExperimentTest {
  private static final Path CONF = Path.of("conf");

  /** The demo, cut to a small population and budget so that a run takes a second or two. */
  private static ExperimentSpec smallDemo(String... more) {
    List<String> overrides = new ArrayList<>(List.of("search.population_size=100", "search.max_train_steps=2000000",
        "experiment.max_experiments=2", "search.progress_every=1000",
        "select_tasks=[{kind=scalar_linear_regression, features_size=4, num_train_examples=100,"
            + " num_valid_examples=100, num_tasks=5}]",
        "final_tasks=[{kind=scalar_linear_regression, features_size=4, num_train_examples=100,"
            + " num_valid_examples=100, num_tasks=5, data_seeds=[1000000], param_seeds=[2000000]}]"));
    overrides.addAll(List.of(more));
    return ExperimentConfig.read(ExperimentConfig.load(CONF.resolve("demo-linear.conf"), overrides), CONF);
  }

  private static Experiment.Result run(ExperimentSpec spec, List<String> lines) {
    return new Experiment(spec, new TaskGenerator(), lines::add).run();
  }

  @Test
  void theSameSeedGivesTheSameWinnerNumbersAndProgress() {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    Experiment.Result a = run(smallDemo(), first);
    Experiment.Result b = run(smallDemo(), second);
    assertEquals(ProgramText.print(a.winner()), ProgramText.print(b.winner()));
    assertEquals(a.searchFitness(), b.searchFitness());
    assertEquals(a.selectFitness(), b.selectFitness());
    assertEquals(a.finalFitness(), b.finalFitness());
    assertEquals(a.individuals(), b.individuals());
    assertEquals(a.trainSteps(), b.trainSteps());
    assertEquals(strip(first), strip(second));
  }

  @Test
  void differentSeedsSearchDifferently() {
    Experiment.Result a = run(smallDemo("seed=1"), new ArrayList<>());
    Experiment.Result b = run(smallDemo("seed=2"), new ArrayList<>());
    assertNotEquals(ProgramText.print(a.winner()) + a.searchFitness(),
        ProgramText.print(b.winner()) + b.searchFitness());
  }

  @Test
  void progressLinesReportIndividualsFitnessSpeedAndCache() {
    List<String> lines = new ArrayList<>();
    Experiment.Result result = run(smallDemo(), lines);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("indivs=") && l.contains("best fit=")
        && l.contains("indivs/s=") && l.contains("cache hit rate=")), String.join("\n", lines));
    assertEquals(2, result.experiments());
    assertTrue(result.individuals() >= 200, "individuals " + result.individuals());
  }

  @Test
  void randomSearchCountsHits() {
    Experiment.Result result = run(smallDemo("search.method=random_search", "search.hit_threshold=0.3"),
        new ArrayList<>());
    assertTrue(result.hits() > 0 && result.hits() < result.individuals(),
        result.hits() + " hits of " + result.individuals());
  }

  /** Progress lines without their clock readings (elapsed seconds and speed). */
  private static List<String> strip(List<String> lines) {
    List<String> stripped = new ArrayList<>();
    for (String line : lines) {
      stripped.add(line.replaceAll("elapsed_secs=[^,]*, ", "").replaceAll("indivs/s=[^,]*, ", ""));
    }
    return stripped;
  }
}
