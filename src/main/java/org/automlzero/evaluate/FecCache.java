package org.automlzero.evaluate;

import java.util.List;
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
  /** Programs whose probes {@link ProbeMemo} remembers (at most; a direct-mapped table). */
  private static final int MEMO_SLOTS = 4096;

  private final int numTrainExamples;
  private final int numValidExamples;
  private final int forgetEvery;
  private final Rng probeRng = new Rng(PROBE_SEED);
  private final ErrorRecord record = new ErrorRecord();
  private final LruFitnessTable entries;
  private final boolean memoizeProbes;
  private ProbeMemo memo;
  /** The table keys of the tasks of one {@link #executeAll}. */
  private long[] keys;
  private long hits;
  private long misses;
  private long probesRun;
  private long probesRemembered;

  /** A cache that remembers recent programs' probes ({@link ProbeMemo}). */
  public FecCache(FecSpec spec) {
    this(spec, true);
  }

  /**
   * @param memoizeProbes whether to skip the probes of a program probed recently and reuse what
   *     they found ({@link ProbeMemo}); the results are the same either way, to the bit and to the
   *     step count (false is for tests and benchmarks that compare)
   */
  public FecCache(FecSpec spec, boolean memoizeProbes) {
    this.numTrainExamples = spec.numTrainExamples();
    this.numValidExamples = spec.numValidExamples();
    this.forgetEvery = spec.forgetEvery();
    this.entries = new LruFitnessTable(spec.cacheSize());
    this.memoizeProbes = memoizeProbes;
  }

  /** A cache with the given settings; see {@link FecSpec}. */
  public FecCache(int numTrainExamples, int numValidExamples, int cacheSize, int forgetEvery) {
    this(new FecSpec(numTrainExamples, numValidExamples, cacheSize, forgetEvery));
  }

  /**
   * The fitness of {@code program} on each of {@code tasks} (all of one features size, which
   * {@code program} is compiled for) into {@code fitness}, as {@link #execute} task after task
   * gives, with the budgeted train counts {@code numTrain}. The probes of a program probed recently
   * are not run again: what they found is remembered, and their steps are counted as if they had
   * run. When every task misses, the full executions run side by side ({@link Executor#executeAll}).
   */
  void executeAll(Executor executor, CompiledAlgorithm program, List<Task> tasks, long[] numTrain, Rng rng,
      double maxAbsError, double[] fitness) {
    final int n = tasks.size();
    if (!memoizeProbes) {
      for (int i = 0; i < n; i++) {
        fitness[i] = execute(executor, program, tasks.get(i), numTrain[i], rng, maxAbsError);
      }
      return;
    }
    if (memo == null || memo.tasks() != n) {
      memo = new ProbeMemo(MEMO_SLOTS, n);
      keys = new long[n];
    }
    final long fingerprint = program.fingerprint();
    int slot = memo.find(program, fingerprint);
    if (slot >= 0) {
      probesRemembered += n;
      for (int i = 0; i < n; i++) {
        executor.countUnrun(memo.trainSteps(slot, i), memo.validSteps(slot, i), memo.learnSteps(slot, i));
      }
    } else {
      slot = memo.claim(program, fingerprint);
      for (int i = 0; i < n; i++) {
        long train = executor.trainStepsCompleted();
        long valid = executor.validStepsCompleted();
        long learn = executor.learnStepsCompleted();
        long recordHash = probe(executor, program, tasks.get(i), maxAbsError);
        memo.record(slot, i, recordHash, executor.trainStepsCompleted() - train,
            executor.validStepsCompleted() - valid, executor.learnStepsCompleted() - learn);
      }
      memo.complete(slot);
    }
    // The probes touch neither the table nor the generator of full executions, so running them
    // all first changes nothing. When every task misses, task after task would execute each in
    // full and insert it (a miss leaves the table as it is, and an insert adds only its own key),
    // so the executor may run them all at once, side by side, and the inserts follow in order.
    boolean allMiss = true;
    for (int i = 0; i < n && allMiss; i++) {
      keys[i] = finish(memo.recordHash(slot, i), tasks.get(i).index(), numTrain[i]);
      allMiss = !entries.contains(keys[i]);
      for (int k = 0; k < i && allMiss; k++) {
        allMiss = keys[k] != keys[i];
      }
    }
    if (allMiss) {
      executor.executeAll(program, tasks, numTrain, rng, maxAbsError, fitness);
      for (int i = 0; i < n; i++) {
        misses++;
        entries.insert(keys[i], fitness[i]);
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      fitness[i] = lookup(memo.recordHash(slot, i), executor, program, tasks.get(i), numTrain[i], rng, maxAbsError);
    }
  }

  /** The fitness of {@code program} on {@code task}: cached when the probe's hash is known. */
  double execute(Executor executor, CompiledAlgorithm program, Task task, long numTrain, Rng rng,
      double maxAbsError) {
    return lookup(probe(executor, program, task, maxAbsError), executor, program, task, numTrain, rng, maxAbsError);
  }

  /**
   * Runs the probe of {@code program} on {@code task} and returns the hash of its errors alone
   * ({@link #recordHash}). It depends on the program and the task only: the probe's generator is
   * reseeded to the same seed every time.
   */
  long probe(Executor executor, CompiledAlgorithm program, Task task, double maxAbsError) {
    probesRun++;
    probeRng.reseed(PROBE_SEED);
    executor.executeRecording(program, task, numTrainExamples, numValidExamples, probeRng, maxAbsError, record);
    return recordHash(record);
  }

  /**
   * The fitness of {@code program} on {@code task} given its probe's {@code recordHash}: the cached
   * one on a hit, else a full execution, which is then cached.
   */
  double lookup(long recordHash, Executor executor, CompiledAlgorithm program, Task task, long numTrain, Rng rng,
      double maxAbsError) {
    long key = finish(recordHash, task.index(), numTrain);
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
    return finish(recordHash(record), taskIndex, numTrain);
  }

  /** The first part of {@link #hash}: the probe's errors, train then validation. */
  static long recordHash(ErrorRecord record) {
    long h = 42;
    for (int i = 0; i < record.trainCount(); i++) {
      h = combine(h, record.train(i));
    }
    for (int i = 0; i < record.validCount(); i++) {
      h = combine(h, record.valid(i));
    }
    return h;
  }

  /** The rest of {@link #hash}: the task index and the budgeted train count mixed into a {@link #recordHash}. */
  static long finish(long recordHash, int taskIndex, long numTrain) {
    long h = Seeds.mix64(recordHash ^ Seeds.mix64(taskIndex + 0x632be59bd9b4e019L));
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

  /** Probes run: one per task of each evaluation whose program was not probed recently. */
  public long probesRun() {
    return probesRun;
  }

  /** Probes not run because the same program's were remembered. */
  public long probesRemembered() {
    return probesRemembered;
  }

  /** Remembered probes over all probes asked for, 0 before the first. */
  public double probesRememberedRate() {
    long probes = probesRun + probesRemembered;
    return probes == 0 ? 0 : (double) probesRemembered / probes;
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
