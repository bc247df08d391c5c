package org.automlzero.task;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The part of a {@link TaskSpec} that only projected binary classification has (reference
 * {@code ProjectedBinaryClassificationTask}, semantics section 7.3): where the labelled data comes
 * from, an optional fixed class pair, the pairs that must never be drawn when the pair is chosen per
 * task, and the range of dataset seeds.
 *
 * <ul>
 *   <li>{@code pair} null: each task draws a pair uniformly among the pairs i &lt; j of the dataset's
 *       classes that are not held out, and a dataset seed uniformly in
 *       [{@code minSupportedDataSeed}, {@code maxSupportedDataSeed}).
 *   <li>{@code pair} given: every task uses it (held-out pairs allowed, for final evaluation) and the
 *       dataset seed {@code min + data_seed mod (max - min)}.
 *   <li>{@code numTestExamples}: size of a third stratified split, disjoint from train and valid,
 *       available from {@link ProjectedBinaryTasks#createData}; the reference leaves it unused.
 *   <li>{@code fullSize}: no projection, F must equal the dataset's feature count (final evaluation
 *       on the full-size tasks of the paper); still standardized.
 *   <li>{@code drawFromHeldOut}: with no fixed pair, draw among the held-out pairs instead of the
 *       others: the paper's final tasks, which use only the nine pairs held out of search (the
 *       reference gets this by listing the other 36 pairs as held out).
 *   <li>{@code evaluateOnTest}: the task is scored on the test split (its validation examples are
 *       the {@code numTestExamples} test examples) instead of the valid split: the paper reports test
 *       accuracy on its final tasks.
 * </ul>
 *
 * <p>Immutable.
 */
public record ProjectedBinarySpec(
    DatasetSource source,
    ClassPair pair,
    List<ClassPair> heldOutPairs,
    long minSupportedDataSeed,
    long maxSupportedDataSeed,
    int numTestExamples,
    boolean fullSize,
    boolean drawFromHeldOut,
    boolean evaluateOnTest)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The nine pairs the paper and {@code task.proto} hold out for meta-validation and final tests. */
  public static final List<ClassPair> DEFAULT_HELD_OUT_PAIRS = List.of(
      new ClassPair(0, 5), new ClassPair(0, 9), new ClassPair(1, 8),
      new ClassPair(2, 9), new ClassPair(3, 5), new ClassPair(3, 6),
      new ClassPair(3, 8), new ClassPair(4, 6), new ClassPair(8, 9));

  /** The reference's default supported data seeds, [0, 10). */
  public static final long DEFAULT_MIN_SUPPORTED_DATA_SEED = 0;
  public static final long DEFAULT_MAX_SUPPORTED_DATA_SEED = 10;

  public ProjectedBinarySpec {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(heldOutPairs, "heldOutPairs");
    heldOutPairs = List.copyOf(heldOutPairs);
    if (minSupportedDataSeed >= maxSupportedDataSeed) {
      throw new IllegalArgumentException("minSupportedDataSeed is " + minSupportedDataSeed
          + " and maxSupportedDataSeed " + maxSupportedDataSeed + "; min must be < max");
    }
    if (maxSupportedDataSeed - minSupportedDataSeed <= 0) {
      throw new IllegalArgumentException("supported data seeds [" + minSupportedDataSeed + ", "
          + maxSupportedDataSeed + ") span more than Long.MAX_VALUE seeds; narrow the range");
    }
    if (numTestExamples < 0) {
      throw new IllegalArgumentException("numTestExamples is " + numTestExamples + ", must be >= 0");
    }
    if (evaluateOnTest && numTestExamples == 0) {
      throw new IllegalArgumentException("evaluateOnTest needs a test split, but numTestExamples is 0");
    }
    if (drawFromHeldOut && pair != null) {
      throw new IllegalArgumentException("drawFromHeldOut draws a pair per task, but the pair is fixed to " + pair);
    }
    if (drawFromHeldOut && heldOutPairs.isEmpty()) {
      throw new IllegalArgumentException("drawFromHeldOut needs held-out pairs to draw from, but there are none");
    }
  }

  /** The spec of the paper's protocol with the ordinary flags (no draw from held-out pairs, valid split). */
  public ProjectedBinarySpec(DatasetSource source, ClassPair pair, List<ClassPair> heldOutPairs,
      long minSupportedDataSeed, long maxSupportedDataSeed, int numTestExamples, boolean fullSize) {
    this(source, pair, heldOutPairs, minSupportedDataSeed, maxSupportedDataSeed, numTestExamples, fullSize, false,
        false);
  }

  /** Pairs chosen per task, the default held-out pairs, seeds [0, 10), no test split, projected. */
  public static ProjectedBinarySpec of(DatasetSource source) {
    return new ProjectedBinarySpec(source, null, DEFAULT_HELD_OUT_PAIRS,
        DEFAULT_MIN_SUPPORTED_DATA_SEED, DEFAULT_MAX_SUPPORTED_DATA_SEED, 0, false);
  }

  public ProjectedBinarySpec withPair(ClassPair pair) {
    return new ProjectedBinarySpec(source, pair, heldOutPairs, minSupportedDataSeed, maxSupportedDataSeed,
        numTestExamples, fullSize, drawFromHeldOut, evaluateOnTest);
  }

  public ProjectedBinarySpec withHeldOutPairs(List<ClassPair> heldOutPairs) {
    return new ProjectedBinarySpec(source, pair, heldOutPairs, minSupportedDataSeed, maxSupportedDataSeed,
        numTestExamples, fullSize, drawFromHeldOut, evaluateOnTest);
  }

  public ProjectedBinarySpec withSupportedDataSeeds(long min, long max) {
    return new ProjectedBinarySpec(source, pair, heldOutPairs, min, max, numTestExamples, fullSize, drawFromHeldOut,
        evaluateOnTest);
  }

  public ProjectedBinarySpec withNumTestExamples(int numTestExamples) {
    return new ProjectedBinarySpec(source, pair, heldOutPairs, minSupportedDataSeed, maxSupportedDataSeed,
        numTestExamples, fullSize, drawFromHeldOut, evaluateOnTest);
  }

  public ProjectedBinarySpec withFullSize(boolean fullSize) {
    return new ProjectedBinarySpec(source, pair, heldOutPairs, minSupportedDataSeed, maxSupportedDataSeed,
        numTestExamples, fullSize, drawFromHeldOut, evaluateOnTest);
  }

  public ProjectedBinarySpec withDrawFromHeldOut(boolean drawFromHeldOut) {
    return new ProjectedBinarySpec(source, pair, heldOutPairs, minSupportedDataSeed, maxSupportedDataSeed,
        numTestExamples, fullSize, drawFromHeldOut, evaluateOnTest);
  }

  public ProjectedBinarySpec withEvaluateOnTest(boolean evaluateOnTest) {
    return new ProjectedBinarySpec(source, pair, heldOutPairs, minSupportedDataSeed, maxSupportedDataSeed,
        numTestExamples, fullSize, drawFromHeldOut, evaluateOnTest);
  }

  /**
   * Whether a task of this spec can ever hold a held-out pair: a fixed pair that is held out, or a
   * draw among the held-out pairs. Search tasks must not (the paper keeps the nine pairs unseen).
   */
  public boolean canUseHeldOutPair() {
    return drawFromHeldOut || (pair != null && isHeldOut(pair));
  }

  /** Whether {@code candidate} holds the same two classes as a held-out pair. */
  public boolean isHeldOut(ClassPair candidate) {
    for (ClassPair held : heldOutPairs) {
      if (held.sameClassesAs(candidate)) {
        return true;
      }
    }
    return false;
  }
}
