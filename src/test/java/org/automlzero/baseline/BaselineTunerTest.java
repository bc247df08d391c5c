package org.automlzero.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.automlzero.evaluate.FitnessCombination;
import org.automlzero.program.HandWrittenAlgorithms;
import org.automlzero.task.ClassPair;
import org.automlzero.task.DatasetSource;
import org.automlzero.task.ProjectedBinarySpec;
import org.automlzero.task.Task;
import org.automlzero.task.TaskGenerator;
import org.automlzero.task.TaskSpec;
import org.junit.jupiter.api.Test;

/**
 * Tuning on real images: the Fashion-MNIST slice of the tests (classes 0, 1 and 9; see
 * {@code src/test/resources/fashion-mnist-slice/README.md}). Select tasks draw among the searchable
 * pairs (0, 1) and (1, 9); the final tasks draw from the held-out pairs, of which the slice holds
 * only (0, 9), and are scored on their test split.
 */
class BaselineTunerTest {
  private static final DatasetSource SLICE = new DatasetSource.Idx(resource("train-images-idx3-ubyte.gz"),
      resource("train-labels-idx1-ubyte.gz"));
  private static final TaskGenerator GENERATOR = new TaskGenerator();
  private static final List<Task> SELECT = GENERATOR.generate(
      TaskSpec.projectedBinary(sliceSpec(), 16, 150, 25, 4).withSeeds(List.of(20001L), List.of()), 0);
  private static final ProjectedBinarySpec FINAL_SPEC = sliceSpec().withHeldOutPairs(List.of(new ClassPair(0, 9)))
      .withDrawFromHeldOut(true).withNumTestExamples(25).withEvaluateOnTest(true);
  private static final List<Task> FINAL = GENERATOR.generate(
      TaskSpec.projectedBinary(FINAL_SPEC, 16, 150, 25, 3).withSeeds(List.of(30001L), List.of()), 0);
  private static final FitnessCombination MEAN = FitnessCombination.MEAN;
  private static final double MAX_ABS_ERROR = 100;

  private static String resource(String name) {
    try {
      return Path.of(BaselineTunerTest.class.getResource("/fashion-mnist-slice/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The paper's held-out pairs plus every pair the slice lacks: (0, 1) and (1, 9) remain. */
  private static ProjectedBinarySpec sliceSpec() {
    List<ClassPair> heldOut = new ArrayList<>(ProjectedBinarySpec.DEFAULT_HELD_OUT_PAIRS);
    for (int i = 0; i < 10; i++) {
      for (int j = i + 1; j < 10; j++) {
        boolean present = (i == 0 || i == 1 || i == 9) && (j == 0 || j == 1 || j == 9);
        if (!present) {
          heldOut.add(new ClassPair(i, j));
        }
      }
    }
    return ProjectedBinarySpec.of(SLICE).withHeldOutPairs(heldOut).withSupportedDataSeeds(0, 100);
  }

  @Test
  void baselinesAreTheReferencesPrograms() {
    assertEquals(HandWrittenAlgorithms.neuralNet(),
        BaselineModel.NEURAL_NET.algorithm(BaselineModel.NEURAL_NET.defaults()));
    assertEquals(HandWrittenAlgorithms.linearModel(0.01),
        BaselineModel.LINEAR_MODEL.algorithm(BaselineModel.LINEAR_MODEL.defaults()));
    assertEquals(HandWrittenAlgorithms.neuralNet(0.5, 0.25, 0.125),
        BaselineModel.NEURAL_NET.algorithm(new HyperParameters(0.5, 0.25, 0.125)));
  }

  @Test
  void tuningNeverLosesToTheReferencesValuesOnTheSelectTasks() {
    List<Trial> trials = BaselineTuner.tune(new TuningSpace(8, 1e-4, 1.0, 1e-3, 1.0), SELECT, MEAN, MAX_ABS_ERROR, 7);
    assertEquals(16, trials.size());
    for (BaselineModel model : BaselineModel.values()) {
      Trial best = Trial.best(trials, model);
      Trial reference = trials.stream().filter(t -> t.model() == model && t.index() == 0).findFirst().orElseThrow();
      assertTrue(best.selectFitness() >= reference.selectFitness(), best + " against " + reference);
      for (Trial trial : trials) {
        assertTrue(trial.selectFitness() >= 0 && trial.selectFitness() <= 1, trial.toString());
      }
    }
    // The range spans learning rates that diverge and ones too small to learn: tuning matters.
    double worst = trials.stream().mapToDouble(Trial::selectFitness).min().orElseThrow();
    assertTrue(worst < Trial.best(trials, BaselineModel.LINEAR_MODEL).selectFitness() - 0.05,
        "worst " + worst + " of " + trials);
  }

  @Test
  void aTrialsFitnessDependsOnlyOnSeedModelAndIndex() {
    List<Trial> trials = BaselineTuner.trials(new TuningSpace(4, 1e-4, 1.0, 1e-3, 1.0), 7);
    List<Trial> forward = new ArrayList<>();
    for (Trial trial : trials) {
      forward.add(BaselineTuner.score(trial, SELECT, MEAN, MAX_ABS_ERROR, 7));
    }
    List<Trial> reversed = new ArrayList<>(trials);
    Collections.reverse(reversed);
    List<Trial> backward = new ArrayList<>();
    for (Trial trial : reversed) {
      backward.add(BaselineTuner.score(trial, SELECT, MEAN, MAX_ABS_ERROR, 7));
    }
    Collections.reverse(backward);
    assertEquals(forward, backward);
    // The neural net's initialisation draws from the seed: another seed, another fitness.
    Trial net = trials.stream().filter(t -> t.model() == BaselineModel.NEURAL_NET).findFirst().orElseThrow();
    double a = BaselineTuner.score(net, SELECT, MEAN, MAX_ABS_ERROR, 7).selectFitness();
    double b = BaselineTuner.score(net, SELECT, MEAN, MAX_ABS_ERROR, 8).selectFitness();
    assertEquals(a, BaselineTuner.score(net, SELECT, MEAN, MAX_ABS_ERROR, 7).selectFitness());
    assertNotEquals(a, b);
  }

  @Test
  void tunedBaselinesClassifyTheHeldOutPair() {
    List<Trial> trials = BaselineTuner.tune(new TuningSpace(6, 1e-4, 1.0, 1e-3, 1.0), SELECT, MEAN, MAX_ABS_ERROR, 3);
    for (Task task : FINAL) {
      assertEquals(25, task.numValid(), "scored on the 25 test examples");
    }
    for (BaselineModel model : BaselineModel.values()) {
      Trial best = Trial.best(trials, model);
      double[] perTask = BaselineTuner.finalPerTask(best, FINAL, MEAN, MAX_ABS_ERROR, 3);
      assertEquals(FINAL.size(), perTask.length);
      double mean = MEAN.combine(perTask, perTask.length);
      assertEquals(mean, BaselineTuner.finalFitness(best, FINAL, MEAN, MAX_ABS_ERROR, 3), 1e-15);
      // T-shirts against ankle boots: the paper's baselines reach about 98% on such pairs.
      assertTrue(mean >= 0.9, best + ": " + mean);
    }
  }
}
