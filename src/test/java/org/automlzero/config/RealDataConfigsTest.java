package org.automlzero.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.automlzero.baseline.TuningSpace;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.HandWrittenAlgorithms;
import org.automlzero.program.Op;
import org.automlzero.search.ComponentSizes;
import org.automlzero.search.ExperimentSpec;
import org.automlzero.search.InitialAlgorithm;
import org.automlzero.search.MutationAction;
import org.automlzero.task.DatasetSource;
import org.automlzero.task.ProjectedBinarySpec;
import org.automlzero.task.ProjectedBinaryTasks;
import org.automlzero.task.Task;
import org.automlzero.task.TaskGenerator;
import org.automlzero.task.TaskKind;
import org.automlzero.task.TaskSpec;
import org.junit.jupiter.api.Test;

/**
 * The shipped real-data configs: {@code conf/fashion-mnist.conf} (the reference's baseline search),
 * {@code conf/mnist.conf} and {@code conf/fashion-mnist-full.conf} load, say what the paper's
 * protocol says, and their task sets build from the fetched data ({@code scripts/fetch-data.sh};
 * the building tests are skipped without it).
 */
class RealDataConfigsTest {
  private static final Path CONF = Path.of("conf");

  private static Config config(String name) {
    return ExperimentConfig.load(CONF.resolve(name), List.of());
  }

  private static ExperimentSpec spec(String name) {
    return ExperimentConfig.read(config(name), CONF);
  }

  @Test
  void fashionMnistIsTheReferencesBaselineSearch() {
    ExperimentSpec spec = spec("fashion-mnist.conf");
    assertEquals(HandWrittenAlgorithms.NEURAL_NET_SPACE, spec.space());
    assertEquals(new AddressSpace(5, 9, 2), spec.space());
    assertEquals(100, spec.evolution().populationSize());
    assertEquals(10, spec.evolution().tournamentSize());
    assertEquals(InitialAlgorithm.NO_OP_ALGORITHM, spec.initial().type());
    assertEquals(List.of(Op.SCALAR_CONST_SET, Op.SCALAR_GAUSSIAN_SET, Op.SCALAR_UNIFORM_SET, Op.VECTOR_GAUSSIAN_SET,
        Op.VECTOR_UNIFORM_SET, Op.MATRIX_GAUSSIAN_SET, Op.MATRIX_UNIFORM_SET), spec.mutator().ops().setup());
    assertEquals(List.of(Op.SCALAR_SUM, Op.MATRIX_VECTOR_PRODUCT, Op.VECTOR_MAX, Op.VECTOR_INNER_PRODUCT,
        Op.VECTOR_SUM), spec.mutator().ops().predict());
    assertEquals(List.of(Op.SCALAR_SUM, Op.SCALAR_DIFF, Op.SCALAR_PRODUCT, Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_SUM,
        Op.VECTOR_HEAVYSIDE, Op.VECTOR_PRODUCT, Op.VECTOR_OUTER_PRODUCT, Op.MATRIX_SUM), spec.mutator().ops().learn());
    assertEquals(List.of(MutationAction.ALTER_PARAM, MutationAction.RANDOMIZE_COMPONENT_FUNCTION,
        MutationAction.INSERT_INSTRUCTION, MutationAction.REMOVE_INSTRUCTION), spec.mutator().actions());
    assertEquals(new ComponentSizes(1, 1, 1), spec.mutator().minSizes());
    assertEquals(new ComponentSizes(7, 11, 23), spec.mutator().maxSizes());
    assertEquals(HandWrittenAlgorithms.padded(HandWrittenAlgorithms.neuralNet(), 1, 1, 1), spec.budgetBaseline());
    assertEquals(2.0, spec.budgetThresholdFactor());
    assertNotNull(spec.fec());

    TaskSpec search = spec.searchTasks().get(0);
    assertEquals(1, spec.searchTasks().size());
    assertEquals(TaskKind.PROJECTED_BINARY_CLASSIFICATION, search.kind());
    assertEquals(16, search.featuresSize());
    assertEquals(8000, search.numTrainExamples());
    assertEquals(1000, search.numValidExamples());
    assertEquals(10, search.numTasks());
    ProjectedBinarySpec pb = search.projectedBinary();
    assertEquals(ProjectedBinarySpec.DEFAULT_HELD_OUT_PAIRS, pb.heldOutPairs());
    assertEquals(1000, pb.numTestExamples());
    assertEquals(0, pb.minSupportedDataSeed());
    assertEquals(100, pb.maxSupportedDataSeed());
    assertFalse(pb.fullSize());
    assertFalse(pb.canUseHeldOutPair());
    assertEquals(5000, ((DatasetSource.Idx) pb.source()).maxPerClass());

    TaskSpec select = spec.selectTasks().get(0);
    assertEquals(10, select.numTasks());
    assertFalse(select.projectedBinary().canUseHeldOutPair());
    assertFalse(select.dataSeeds().equals(search.dataSeeds()), "select tasks draw other seeds");
    TaskSpec last = spec.finalTasks().get(0);
    assertEquals(100, last.numTasks());
    assertTrue(last.projectedBinary().drawFromHeldOut());
    assertTrue(last.projectedBinary().evaluateOnTest());

    TuningSpace tuning = TuningSpaceReader.read(new Settings(config("fashion-mnist.conf"), ""));
    assertEquals(20, tuning.trials());
  }

  @Test
  void mnistIsTheSameSearchOnDigits() {
    ExperimentSpec fashion = spec("fashion-mnist.conf");
    ExperimentSpec mnist = spec("mnist.conf");
    assertEquals(fashion.evolution(), mnist.evolution());
    assertEquals(fashion.mutator().ops(), mnist.mutator().ops());
    DatasetSource.Idx source = (DatasetSource.Idx) mnist.searchTasks().get(0).projectedBinary().source();
    assertTrue(source.imagesPath().startsWith("data/mnist/"), source.imagesPath());
    for (List<TaskSpec> list : List.of(mnist.searchTasks(), mnist.selectTasks(), mnist.finalTasks())) {
      assertEquals(source, list.get(0).projectedBinary().source());
    }
    assertTrue(mnist.finalTasks().get(0).projectedBinary().drawFromHeldOut());
  }

  @Test
  void fullSizeConfigKeepsAllPixelsForSelectAndFinal() {
    ExperimentSpec spec = spec("fashion-mnist-full.conf");
    assertEquals(16, spec.searchTasks().get(0).featuresSize());
    for (TaskSpec task : List.of(spec.selectTasks().get(0), spec.finalTasks().get(0))) {
      assertEquals(784, task.featuresSize());
      assertTrue(task.projectedBinary().fullSize());
    }
    // One final task on each held-out pair, so that the mean weighs the nine pairs equally.
    assertEquals(ProjectedBinarySpec.DEFAULT_HELD_OUT_PAIRS,
        spec.finalTasks().stream().map(task -> task.projectedBinary().pair()).toList());
    for (TaskSpec task : spec.finalTasks()) {
      assertEquals(784, task.featuresSize());
      assertTrue(task.projectedBinary().fullSize() && task.projectedBinary().evaluateOnTest());
      assertEquals(1, task.numTasks());
    }
  }

  @Test
  void taskSetsBuildWithThePapersProtocol() {
    for (String name : List.of("fashion-mnist.conf", "mnist.conf", "fashion-mnist-full.conf")) {
      ExperimentSpec spec = spec(name);
      DatasetSource.Idx source = (DatasetSource.Idx) spec.searchTasks().get(0).projectedBinary().source();
      assumeTrue(Files.exists(Path.of(source.imagesPath())),
          "no " + source.imagesPath() + "; run scripts/fetch-data.sh");
      TaskGenerator generator = new TaskGenerator();
      checkTasks(generator, spec.searchTasks().get(0), false);
      checkTasks(generator, spec.selectTasks().get(0), false);
      checkTasks(generator, spec.finalTasks().get(0), true);
    }
  }

  /** The first two tasks of {@code spec}: sizes, pairs held out or not, train split standardized. */
  private static void checkTasks(TaskGenerator generator, TaskSpec spec, boolean heldOut) {
    TaskSpec two = spec.withNumTasks(2);
    List<Task> tasks = generator.generate(two, 0);
    ProjectedBinarySpec pb = spec.projectedBinary();
    int f = spec.featuresSize();
    for (int i = 0; i < tasks.size(); i++) {
      Task task = tasks.get(i);
      assertEquals(f, task.featuresSize());
      assertEquals(8000, task.numTrain());
      assertEquals(1000, task.numValid());
      ProjectedBinaryTasks.Choice choice = ProjectedBinaryTasks.choose(pb, 10, two.dataSeed(i));
      assertEquals(heldOut, pb.isHeldOut(choice.pair()), spec + " task " + i + " drew " + choice.pair());
      double positives = 0;
      for (double label : task.trainLabels()) {
        positives += label;
      }
      assertEquals(4000, positives, "stratified: half of 8000 train examples positive");
      for (int j = 0; j < Math.min(f, 16); j++) {
        double sum = 0;
        double sq = 0;
        for (int r = 0; r < 8000; r++) {
          double v = task.trainFeatures()[r * f + j];
          sum += v;
          sq += v * v;
        }
        double mean = sum / 8000;
        assertEquals(0, mean, 1e-9);
        double std = Math.sqrt(sq / 8000 - mean * mean);
        assertTrue(Math.abs(std - 1) < 1e-9 || std == 0, "feature " + j + " std " + std);
      }
    }
  }

  @Test
  void searchTasksMayNotUseAHeldOutPair() {
    String task = "kind = projected_binary_classification, features_size = 4, num_train_examples = 20,"
        + " num_valid_examples = 10, dataset { format = csv, path = \"x.csv\" }";
    String rest = "\nselect_tasks = [{" + task + "}], final_tasks = [{" + task + "}],"
        + " search { learn_ops = [scalar_sum] }";
    ConfigError fixed = assertThrows(ConfigError.class, () -> ExperimentConfig.read(ExperimentConfig.resolve(
        ConfigFactory.parseString("search_tasks = [{" + task + ", positive_class = 5, negative_class = 0}]" + rest)),
        CONF));
    assertTrue(fixed.getMessage().contains("search_tasks[0]") && fixed.getMessage().contains("(5, 0)"),
        fixed.getMessage());
    ConfigError drawn = assertThrows(ConfigError.class, () -> ExperimentConfig.read(ExperimentConfig.resolve(
        ConfigFactory.parseString("search_tasks = [{" + task + ", draw_from = held_out}]" + rest)), CONF));
    assertTrue(drawn.getMessage().contains("draw_from = held_out"), drawn.getMessage());
    // The same lists are fine for select and final tasks, and a searchable fixed pair is fine for search.
    ExperimentConfig.read(ExperimentConfig.resolve(ConfigFactory.parseString(
        "search_tasks = [{" + task + ", positive_class = 1, negative_class = 0}]"
            + "\nselect_tasks = [{" + task + ", draw_from = held_out}], final_tasks = [{" + task
            + ", positive_class = 0, negative_class = 5}], search { learn_ops = [scalar_sum] }")), CONF);
  }

  @Test
  void badTaskAndBaselineKeysAreRefused() {
    String task = "kind = projected_binary_classification, features_size = 4, num_train_examples = 20,"
        + " num_valid_examples = 10, dataset { format = csv, path = \"x.csv\" }";
    for (String[] bad : new String[][] {
        {"draw_from = everything", "draw_from"},
        {"evaluate_on_test = true", "num_test_examples is 0"},
        {"draw_from = held_out, positive_class = 1, negative_class = 2", "fix the pair"},
        {"draw_from = held_out, held_out_pairs = []", "held_out_pairs"}}) {
      ConfigError e = assertThrows(ConfigError.class, () -> ExperimentConfig.read(ExperimentConfig.resolve(
          ConfigFactory.parseString("search_tasks = [{" + task + "}], select_tasks = [{" + task + ", " + bad[0]
              + "}], final_tasks = [{" + task + "}], search { learn_ops = [scalar_sum] }")), CONF), bad[0]);
      assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
    }
    for (String[] bad : new String[][] {
        {"baselines.tune_trials = -1", "tune_trials"},
        {"baselines.learning_rate = [0.1]", "two numbers"},
        {"baselines.init_scale = [0, 1]", "0 < min <= max"},
        {"baselines.learning_rate = [1, 0.1]", "0 < min <= max"}}) {
      ConfigError e = assertThrows(ConfigError.class, () -> TuningSpaceReader.read(new Settings(
          ExperimentConfig.resolve(ConfigFactory.parseString(bad[0])), "")), bad[0]);
      assertTrue(e.getMessage().contains(bad[1]) && e.getMessage().contains("baselines."), e.getMessage());
    }
    assertEquals(TuningSpace.untuned(), TuningSpaceReader.read(new Settings(
        ExperimentConfig.resolve(ConfigFactory.empty()), "")));
  }
}
