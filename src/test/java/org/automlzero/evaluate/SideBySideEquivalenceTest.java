package org.automlzero.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.execute.CompiledAlgorithm;
import org.automlzero.execute.Executor;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.Liveness;
import org.automlzero.random.Rng;
import org.automlzero.task.Task;
import org.automlzero.task.TaskGenerator;
import org.automlzero.task.TaskSpec;
import org.junit.jupiter.api.Test;

/**
 * {@link Executor#executeAll}, which runs tasks of one shape side by side, gives to the bit what
 * {@link Executor#execute} gives task after task: the fitness of every task, the step counts and
 * the generator's state afterwards, on 10,000 random algorithms over every op, on regression and
 * accuracy tasks of one to three epochs, in groups of ten and alone, with train budgets that differ between tasks, and with
 * tight and loose error bounds (so that lanes stop early, in training and in validation, at
 * different steps).
 */
class SideBySideEquivalenceTest {
  private static final AddressSpace SPACE = new AddressSpace(4, 3, 2);
  private static final int ALGORITHMS = 10_000;

  /** Features size 4: groups of ten of one shape, and three tasks that make no group. */
  private static List<Task> tasks4() {
    TaskGenerator generator = new TaskGenerator();
    List<Task> tasks = new ArrayList<>();
    tasks.addAll(generator.generate(TaskSpec.linearRegression(4, 20, 10, 10), tasks.size()));
    tasks.addAll(generator.generate(TaskSpec.neuralNetRegression(4, 16, 8, 3), tasks.size()));
    tasks.addAll(generator.generate(TaskSpec.neuralNetRegression(4, 20, 10, 10).withNumTrainEpochs(3), tasks.size()));
    for (Task task : generator.generate(TaskSpec.linearRegression(4, 20, 10, 10).withNumTrainEpochs(2), 0)) {
      tasks.add(SimplifierEquivalenceTest.thresholded(task, tasks.size()));
    }
    return tasks;
  }

  private static List<Task> tasks2() {
    TaskGenerator generator = new TaskGenerator();
    List<Task> tasks = new ArrayList<>(generator.generate(TaskSpec.linearRegression(2, 20, 10, 10).withNumTrainEpochs(2), 0));
    for (Task task : generator.generate(TaskSpec.linearRegression(2, 20, 10, 10), 0)) {
      tasks.add(SimplifierEquivalenceTest.thresholded(task, tasks.size()));
    }
    return tasks;
  }

  @Test
  void sideBySideGivesWhatTaskAfterTaskGivesToTheBit() {
    List<List<Task>> taskLists = List.of(tasks4(), tasks2());
    Executor sequential = new Executor(SPACE);
    Executor sideBySide = new Executor(SPACE);
    CompiledAlgorithm compiled = new CompiledAlgorithm();
    Liveness liveness = new Liveness(Liveness.StochasticOps.KEEP_ALWAYS);
    Rng generator = new Rng(20261128L);
    int nonZero = 0;
    int runs = 0;
    for (int a = 0; a < ALGORITHMS; a++) {
      Algorithm algorithm = SimplifierEquivalenceTest.randomAlgorithm(generator, a);
      List<Task> tasks = taskLists.get(a % 2);
      int n = tasks.size();
      long[] numTrain = new long[n];
      for (int i = 0; i < n; i++) {
        // Mostly every example; for some algorithms a budget, for a whole group or for one task of a
        // group (which then runs task by task).
        boolean budget = a % 5 == 0 ? i >= 10 : a % 5 == 1 && i == 12;
        numTrain[i] = budget ? 7 : tasks.get(i).maxTrainExamples();
      }
      double maxAbsError = a % 3 == 0 ? 2.0 : 100.0;
      compiled.compile(algorithm, SPACE, tasks.get(0).featuresSize(), a % 7 == 0 ? null : liveness);

      long seed = 1_000_003L * a + 17;
      Rng rngSequential = new Rng(seed);
      long train0 = sequential.trainStepsCompleted();
      long valid0 = sequential.validStepsCompleted();
      long learn0 = sequential.learnStepsCompleted();
      double[] expected = new double[n];
      for (int i = 0; i < n; i++) {
        Task task = tasks.get(i);
        expected[i] = sequential.execute(compiled, task, numTrain[i], task.numValid(), rngSequential, maxAbsError);
      }

      Rng rngSideBySide = new Rng(seed);
      long train1 = sideBySide.trainStepsCompleted();
      long valid1 = sideBySide.validStepsCompleted();
      long learn1 = sideBySide.learnStepsCompleted();
      double[] actual = new double[n];
      sideBySide.executeAll(compiled, tasks, numTrain, rngSideBySide, maxAbsError, actual);

      for (int i = 0; i < n; i++) {
        int at = i;
        assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
            () -> "algorithm " + algorithm + " task " + at);
        if (expected[i] > 0) {
          nonZero++;
        }
        runs++;
      }
      assertEquals(sequential.trainStepsCompleted() - train0, sideBySide.trainStepsCompleted() - train1, "train steps");
      assertEquals(sequential.validStepsCompleted() - valid0, sideBySide.validStepsCompleted() - valid1, "valid steps");
      assertEquals(sequential.learnStepsCompleted() - learn0, sideBySide.learnStepsCompleted() - learn1, "learn steps");
      assertEquals(rngSequential.state(), rngSideBySide.state(), "generator state");
    }
    // The comparison is informative: most executions ran side by side, some of them had to run
    // again on their own, and many scored above 0.
    long together = sideBySide.tasksSideBySide();
    assertTrue(together > runs / 3, together + " of " + runs + " side by side");
    assertTrue(sideBySide.tasksRerun() > 0, "no lane was rerun");
    assertTrue(nonZero > runs / 4, nonZero + " of " + runs + " above 0");
  }
}
