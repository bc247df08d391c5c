package org.automlzero.evaluate;

import java.util.List;
import org.automlzero.execute.CompiledAlgorithm;
import org.automlzero.execute.ErrorRecord;
import org.automlzero.execute.Executor;
import org.automlzero.program.Algorithm;
import org.automlzero.program.AddressSpace;
import org.automlzero.random.Rng;
import org.automlzero.random.Seeds;
import org.automlzero.task.Task;

/**
 * What the functional-equivalence cache sees of an algorithm on a list of tasks, as one number: the
 * {@link FecCache} key of each task's probe (its errors on the first few training and validation
 * examples, the task's index, the task's full training count), combined in task order. Two
 * algorithms with the same hash hit the same cache entries on every task, so the distinct hashes of
 * a population count its distinct behaviours as the search tells them apart.
 *
 * <p>Mutable and not thread-safe (it reuses its executor and buffers): one per thread.
 */
public final class BehaviourHash {
  private final List<Task> tasks;
  private final AddressSpace space;
  private final FecSpec fec;
  private final double maxAbsError;
  private final Executor executor;
  private final CompiledAlgorithm compiled = new CompiledAlgorithm();
  private final Rng probeRng = new Rng(FecCache.PROBE_SEED);
  private final ErrorRecord record = new ErrorRecord();

  /** @param fec the probe's sizes (the run's FEC settings; the cache's size plays no part) */
  public BehaviourHash(List<Task> tasks, AddressSpace space, FecSpec fec, double maxAbsError) {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("a behaviour hash needs at least one task");
    }
    this.tasks = List.copyOf(tasks);
    this.space = space;
    this.fec = fec;
    this.maxAbsError = maxAbsError;
    this.executor = new Executor(space);
  }

  /** The hash of {@code algorithm}'s probes on every task. */
  public long of(Algorithm algorithm) {
    long h = 42;
    int compiledFor = -1;
    for (Task task : tasks) {
      if (task.featuresSize() != compiledFor) {
        compiled.compile(algorithm, space, task.featuresSize());
        compiledFor = task.featuresSize();
      }
      probeRng.reseed(FecCache.PROBE_SEED);
      executor.executeRecording(compiled, task, fec.numTrainExamples(), fec.numValidExamples(), probeRng,
          maxAbsError, record);
      h = Seeds.mix64(h ^ FecCache.hash(record, task.index(), task.maxTrainExamples()));
    }
    return h;
  }
}
