package org.automlzero.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Op;
import org.automlzero.search.ExperimentSpec;
import org.automlzero.search.InitialAlgorithm;
import org.automlzero.search.SearchMethod;
import org.automlzero.task.TaskKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentConfigTest {
  private static final Path CONF = Path.of("conf");

  private static ExperimentSpec demo(String... overrides) {
    return ExperimentConfig.read(ExperimentConfig.load(CONF.resolve("demo-linear.conf"), List.of(overrides)), CONF);
  }

  private static ConfigError demoError(String... overrides) {
    return assertThrows(ConfigError.class, () -> demo(overrides));
  }

  @Test
  void demoConfigIsTheReferenceDemo() {
    ExperimentSpec spec = demo();
    assertEquals(AddressSpace.DEMO, spec.space());
    assertEquals(1000, spec.evolution().populationSize());
    assertEquals(10, spec.evolution().tournamentSize());
    assertEquals(SearchMethod.REGULARIZED_EVOLUTION, spec.evolution().method());
    assertEquals(InitialAlgorithm.RANDOM_ALGORITHM, spec.initial().type());
    assertEquals(6, spec.mutator().ops().learn().size());
    assertEquals(200_000_000L, spec.maxTrainSteps());
    assertEquals(0, spec.maxExperiments());
    assertEquals(0.9999, spec.sufficientFitness());
    assertTrue(spec.randomizeTaskSeeds());
    assertNotNull(spec.fec());
    assertNull(spec.budgetBaseline());
    assertEquals(10, spec.searchTasks().get(0).numTasks());
    assertEquals(100, spec.selectTasks().get(0).numTasks());
    assertEquals(List.of(1000000L), spec.finalTasks().get(0).dataSeeds());
    assertEquals(TaskKind.SCALAR_LINEAR_REGRESSION, spec.finalTasks().get(0).kind());
  }

  @Test
  void nonlinearConfigEvolvesOnlySetupWithABudget() {
    ExperimentSpec spec = ExperimentConfig.read(
        ExperimentConfig.load(CONF.resolve("nonlinear.conf"), List.of()), CONF);
    assertEquals(InitialAlgorithm.DAMAGED_NEURAL_NET_ALGORITHM, spec.initial().type());
    assertEquals(List.of(Op.VECTOR_GAUSSIAN_SET, Op.MATRIX_GAUSSIAN_SET), spec.mutator().ops().setup());
    assertTrue(spec.mutator().ops().predict().isEmpty());
    assertNotNull(spec.budgetBaseline());
  }

  @Test
  void overridesOnTheCommandLineWin() {
    ExperimentSpec spec = demo("search.population_size=50", "seed=7");
    assertEquals(50, spec.evolution().populationSize());
    assertEquals(7, spec.seed());
  }

  @Test
  void unknownKeysAreRefusedWithTheirPath() {
    ConfigError error = demoError("search.populaton_size=50");
    assertEquals("search.populaton_size", error.key());
    assertTrue(error.getMessage().contains("unknown key"), error.getMessage());
  }

  @Test
  void unknownKeysInsideTaskSpecsAreRefused() {
    ConfigError error = demoError("search_tasks=[{kind=scalar_linear_regression, features_size=4, "
        + "num_train_examples=10, num_valid_examples=10, num_taks=3}]");
    assertTrue(error.getMessage().contains("search_tasks[0].num_taks"), error.getMessage());
  }

  @Test
  void wrongTypesNameTheKeyAndTheExpectedType() {
    ConfigError error = demoError("search.population_size=many");
    assertEquals("search.population_size", error.key());
    assertTrue(error.getMessage().contains("whole number"), error.getMessage());
    assertTrue(demoError("search.mutate_prob=\"0.5\"").getMessage().contains("a number"));
    assertTrue(demoError("experiment.randomize_task_seeds=3").getMessage().contains("true or false"));
  }

  @Test
  void impossibleValuesAreRefusedBeforeAnythingRuns() {
    assertTrue(demoError("search.tournament_size=2000").getMessage().contains("from 1 to 1000"));
    assertEquals("search.mutate_prob", demoError("search.mutate_prob=1.5").key());
    assertTrue(demoError("search_tasks=[{kind=scalar_linear_regression, features_size=1, "
        + "num_train_examples=10, num_valid_examples=10}]").getMessage().contains("features_size"));
    assertTrue(demoError("search.mutate_learn_size_min=9", "search.mutate_learn_size_max=3")
        .getMessage().contains("mutate_learn_size_max"));
    assertTrue(demoError("memory.scalars=1").getMessage().contains("memory.scalars"));
    assertTrue(demoError("search.method=simulated_annealing").getMessage().contains("REGULARIZED_EVOLUTION"));
  }

  @Test
  void anEmptyOpListForEveryFunctionIsRefused() {
    assertTrue(demoError("search.setup_ops=[]", "search.predict_ops=[]", "search.learn_ops=[]")
        .getMessage().contains("nothing can evolve"));
  }

  @Test
  void opsThatDoNotFitTheMemoryAreRefused() {
    ConfigError error = demoError("memory.matrices=0", "search.learn_ops=[matrix_sum]");
    assertEquals("search.learn_ops", error.key());
  }

  @Test
  void unknownOpNamesListTheAllowedOnes() {
    ConfigError error = demoError("search.learn_ops=[scalar_summ]");
    assertTrue(error.getMessage().contains("SCALAR_SUM"), error.getMessage());
  }

  @Test
  void aRunThatCanNeverStopIsRefused() {
    assertEquals("experiment.sufficient_fitness", demoError("experiment.sufficient_fitness=1.0").key());
  }

  @Test
  void errorsSayWhichFileAndLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.conf");
    Files.writeString(file, "include \"" + CONF.toAbsolutePath().resolve("demo-linear.conf") + "\"\n"
        + "search.tournament_size = 0\n");
    ConfigError error = assertThrows(ConfigError.class,
        () -> ExperimentConfig.read(ExperimentConfig.load(file, List.of()), dir));
    assertTrue(error.getMessage().contains("bad.conf:2"), error.getMessage());
  }

  @Test
  void aMissingConfigFileIsAClearError(@TempDir Path dir) {
    ConfigError error = assertThrows(ConfigError.class,
        () -> ExperimentConfig.load(dir.resolve("nope.conf"), List.of()));
    assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
  }

  @Test
  void malformedHoconIsAClearError(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("broken.conf");
    Files.writeString(file, "search { population_size = \n");
    ConfigError error = assertThrows(ConfigError.class, () -> ExperimentConfig.load(file, List.of()));
    assertTrue(error.getMessage().contains("broken.conf"), error.getMessage());
  }

  @Test
  void aWarmStartProgramIsReadRelativeToTheConfig(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("start.txt"), "def Setup():\n  s2 = 0.01\ndef Predict():\n  s1 = dot(v1, v0)\n");
    ExperimentSpec spec = ExperimentConfig.read(ExperimentConfig.resolve(
        ConfigFactory.parseString("search.initial_population = given_algorithm\nsearch.initial_program = start.txt")
            .withFallback(ConfigFactory.parseFile(CONF.resolve("demo-linear.conf").toFile()))), dir);
    assertEquals(InitialAlgorithm.GIVEN_ALGORITHM, spec.initial().type());
  }

  @Test
  void aWarmStartProgramThatDoesNotParseNamesTheLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("bad.txt"), "def Setup():\n  s2 = dott(v1, v0)\n");
    ConfigError error = assertThrows(ConfigError.class, () -> ExperimentConfig.read(ExperimentConfig.resolve(
        ConfigFactory.parseString("search.initial_population = given_algorithm\nsearch.initial_program = bad.txt")
            .withFallback(ConfigFactory.parseFile(CONF.resolve("demo-linear.conf").toFile()))), dir));
    assertTrue(error.getMessage().contains("line 2"), error.getMessage());
  }
}
