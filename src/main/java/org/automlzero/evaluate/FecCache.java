package org.automlzero.evaluate;

import org.automlzero.execute.CompiledAlgorithm;
import org.automlzero.execute.ErrorRecord;
import org.automlzero.execute.Executor;
import org.automlzero.random.Rng;
import org.automlzero.random.Seeds;
import org.automlzero.task.Task;

/**
 * The functional-equivalence cache (FEC, Real et al. 2020, section 4; reference {@code fec_cache.cc}
 * and {@code evaluator.cc}). Per task, a short probe run (a few training and validation examples,
 * its generator reseeded to a fixed seed each time) yields a hash of the per-example errors, the
 * task's index and the budgeted number of training examples. Algorithms with the same hash behave
 * alike, so a hit returns the fitness cached for that hash instead of training in full. An entry is
 * forgotten after {@code forgetEvery} hits, forcing a periodic re-evaluation, and the least recently
 * used entry is evicted beyond {@code cacheSize}.
 *
 * <p>Mutable and not thread-safe: one per evaluator. Caching is per task, not per algorithm.
 */
public final class FecCache {
  /** The reference reseeds the probe's generator to this value for every task execution. */
  static final long PROBE_SEED = 235732282L;

  private final int numTrainExamples;
  private final int numValidExamples;
  private final int forgetEvery;
  private final Rng probeRng = new Rng(PROBE_SEED);
  private final ErrorRecord record = new ErrorRecord();
  private final LruFitnessTable entries;
  private long hits;
  private long misses;

  public FecCache(FecSpec spec) {
    this.numTrainExamples = spec.numTrainExamples();
    this.numValidExamples = spec.numValidExamples();
    this.forgetEvery = spec.forgetEvery();
    this.entries = new LruFitnessTable(spec.cacheSize());
  }

  /** A cache with the given settings; see {@link FecSpec}. */
  public FecCache(int numTrainExamples, int numValidExamples, int cacheSize, int forgetEvery) {
    this(new FecSpec(numTrainExamples, numValidExamples, cacheSize, forgetEvery));
  }

  /** The fitness of {@code program} on {@code task}: cached when the probe's hash is known. */
  double execute(Executor executor, CompiledAlgorithm program, Task task, long numTrain, Rng rng,
      double maxAbsError) {
    probeRng.reseed(PROBE_SEED);
    executor.executeRecording(program, task, numTrainExamples, numValidExamples, probeRng, maxAbsError, record);
    long key = hash(record, task.index(), numTrain);
    int slot = entries.find(key);
    if (slot >= 0) {
      hits++;
      double fitness = entries.fitness(slot);
      if (entries.countUse(slot) >= forgetEvery && forgetEvery > 0) {
        entries.remove(slot);
      }
      return fitness;
    }
    misses++;
    double fitness = executor.execute(program, task, numTrain, task.numValid(), rng, maxAbsError);
    entries.insert(key, fitness);
    return fitness;
  }

  /** The reference's {@code WellMixedHash} over the probe's errors, the task index and the train count. */
  static long hash(ErrorRecord record, int taskIndex, long numTrain) {
    long h = 42;
    for (int i = 0; i < record.trainCount(); i++) {
      h = combine(h, record.train(i));
    }
    for (int i = 0; i < record.validCount(); i++) {
      h = combine(h, record.valid(i));
    }
    h = Seeds.mix64(h ^ Seeds.mix64(taskIndex + 0x632be59bd9b4e019L));
    return Seeds.mix64(h ^ Seeds.mix64(numTrain + 0x9e3779b97f4a7c15L));
  }

  private static long combine(long h, double x) {
    // +0.0 and -0.0 hash alike, as std::hash<double> does.
    long bits = x == 0.0 ? 0L : Double.doubleToLongBits(x);
    return Seeds.mix64(h ^ Seeds.mix64(bits + 0x9e3779b97f4a7c15L));
  }

  public long hits() {
    return hits;
  }

  public long misses() {
    return misses;
  }

  /** Hits over lookups, 0 before the first lookup. */
  public double hitRate() {
    long lookups = hits + misses;
    return lookups == 0 ? 0 : (double) hits / lookups;
  }

  public int size() {
    return entries.size();
  }
}
