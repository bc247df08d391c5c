package org.automlzero.execute;

import java.util.Arrays;
import java.util.List;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Kind;
import org.automlzero.program.Op;
import org.automlzero.task.EvalType;
import org.automlzero.task.Task;

/**
 * Runs one program on {@link #WIDTH} tasks of the same shape side by side, one lane per task:
 * every instruction is decoded and dispatched once for all lanes and then applied to each, which
 * spreads the interpreter's fixed cost per instruction and per example over the lanes. Each lane
 * computes exactly what {@link Executor} computes for its task alone, to the bit: the same
 * arithmetic in the same order per lane, the same early stops, the same step counts.
 *
 * <p>The width is a constant, so that the JIT compiles every loop over the lanes with a known trip
 * count: with the width a variable, the loops' own overhead ate the gain (the linear model on 10
 * tasks took 0.98-1.04 of the time of task after task; with the width constant, 0.72-0.80 of the
 * time; with the examples laid out lane by lane beforehand as well, {@link LaneTasks}, in 0.50-0.53). Ten is the search's usual task count (the paper's, the demo's; select and final sets of
 * 100 are ten groups). Tasks beyond the last full group run one at a time.
 *
 * <p>Memory holds address {@code x} of lane {@code l} (an offset of {@link Memory}) at
 * {@code x * WIDTH + l}, so an elementwise op over n entries is one loop over {@code n * WIDTH}
 * consecutive entries. The ops whose entries depend on other entries in ways not written here
 * (norms, products of matrices, transposes, broadcasts of rows, statistics, vector and matrix
 * min and max) run lane by lane: the operands are copied into a one-lane {@link Memory}, the
 * sequential {@link Interpreter} runs the instruction there, and the output is copied back.
 *
 * <p>Only for programs without stochastic ops ({@link #deterministic}): a generator's draws
 * would interleave across lanes, where the executor draws task after task. A lane whose
 * validation stops early before its last epoch cannot go on exactly (alone, its training would
 * have resumed from the memory of the stop), so it is flagged for a run of its own
 * ({@link #rerun}); the executor does that.
 *
 * <p>Mutable and not thread-safe: one per {@link Executor}; allocates only for a program larger
 * than any before and for a group of tasks not among those it keeps laid out.
 */
final class Lanes {
  /** The tasks run side by side. */
  static final int WIDTH = 10;
  /** The most memory entries over all lanes (256 KiB): larger memories run task by task. */
  static final int MAX_ENTRIES = 1 << 15;
  /** The most entries of one group of tasks laid out lane by lane (8 MiB): larger groups run task by task. */
  static final int MAX_GROUP_ENTRIES = 1 << 20;
  /**
   * The most entries of all groups kept laid out (32 MiB; the oldest go first): a select or final
   * set of 100 demo tasks takes 10 groups of 55,000.
   */
  private static final int MAX_KEPT_ENTRIES = 1 << 22;
  private static final int MAX_KEPT_GROUPS = 64;

  private final int f;
  /** Entries of one lane's memory. */
  private final int size;
  private final int vectorBase;
  /** For the ops run lane by lane. */
  private final Interpreter single;
  private final double[] singleData;

  private final double[] mem;
  /** Per instruction: op code (unspecialised), then in1, in2 and out as lane offsets (x * WIDTH). */
  private int[] code = new int[0];
  /** Per instruction: in1, in2 and out as one-lane offsets, then the entry counts of in1, in2, out. */
  private int[] operands = new int[0];

  /** The groups of tasks seen last, laid out lane by lane, oldest first from {@link #oldest}: a ring. */
  private final LaneTasks[] groups = new LaneTasks[MAX_KEPT_GROUPS];
  private int oldest;
  private int kept;
  private long keptEntries;
  /** The lane's result is known (stopped in training, or to be rerun). */
  final boolean[] done = new boolean[WIDTH];
  /** The lane must run again on its own (validation stopped before its last epoch). */
  final boolean[] rerun = new boolean[WIDTH];
  final double[] fitness = new double[WIDTH];
  final long[] trainSteps = new long[WIDTH];
  final long[] validSteps = new long[WIDTH];
  final long[] learnSteps = new long[WIDTH];
  private final double[] loss = new double[WIDTH];
  private final boolean[] validStopped = new boolean[WIDTH];
  private int live;

  Lanes(AddressSpace space, int featuresSize) {
    Memory memory = new Memory(space, featuresSize);
    this.f = featuresSize;
    this.size = memory.data.length;
    this.vectorBase = memory.vectorBase;
    this.single = new Interpreter(memory);
    this.singleData = memory.data;
    this.mem = new double[fits() ? size * WIDTH : 0];
  }

  int featuresSize() {
    return f;
  }

  /** Throws unless {@code p} was compiled for this memory's address space and features size. */
  void checkFits(CompiledAlgorithm p) {
    p.checkFits(single.memory());
  }

  /** Whether {@link #WIDTH} memories of this features size fit in the bound. */
  boolean fits() {
    return size * WIDTH <= MAX_ENTRIES;
  }

  /** Whether {@link #WIDTH} tasks of this shape fit side by side: their memories and their examples. */
  boolean fits(Task shape) {
    return fits() && LaneTasks.entries(shape) <= MAX_GROUP_ENTRIES;
  }

  /** Whether {@code p} has no stochastic op, which running side by side needs. */
  static boolean deterministic(CompiledAlgorithm p) {
    final int[] code = p.code;
    for (int i = 0, n = p.learnEnd; i < n; i++) {
      final int op = code[4 * i];
      if (op >= Op.SCALAR_UNIFORM_SET.code() && op <= Op.MATRIX_GAUSSIAN_SET.code()) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code a} and {@code b} have the shape running side by side needs. */
  static boolean sameShape(Task a, Task b) {
    return a.featuresSize() == b.featuresSize() && a.numTrain() == b.numTrain()
        && a.numValid() == b.numValid() && a.maxTrainExamples() == b.maxTrainExamples()
        && a.epochs().length == b.epochs().length && a.evalType() == b.evalType();
  }

  /**
   * Runs {@code p} (deterministic, compiled for this features size) on tasks
   * {@code [first, first + WIDTH)} of {@code all} (of one shape; {@link #fits(Task)}), each with {@code numAllTrain}
   * training examples at most and all its validation examples. Afterwards, per lane: {@link #fitness},
   * the step counts, and {@link #rerun} for lanes whose fitness must come from a run of their own.
   */
  void run(CompiledAlgorithm p, List<Task> all, int first, long numAllTrain, double maxAbsError) {
    prepare(p);
    final LaneTasks group = group(all, first);
    for (int l = 0; l < WIDTH; l++) {
      done[l] = false;
      rerun[l] = false;
      fitness[l] = 0.0;
      trainSteps[l] = 0;
      validSteps[l] = 0;
      learnSteps[l] = 0;
    }
    live = WIDTH;
    Arrays.fill(mem, 0.0);
    range(p, 0, p.setupEnd);
    final Task shape = group.task(0);
    final boolean accuracy = shape.evalType() == EvalType.ACCURACY;
    final long allTrain = Math.min(numAllTrain, shape.maxTrainExamples());
    final int perEpoch = shape.numTrain();
    long remaining = allTrain;
    int epoch = 0;
    while (remaining > 0) {
      train(p, group.trainFeatures[epoch], group.trainLabels[epoch], (int) Math.min(perEpoch, remaining), accuracy,
          maxAbsError);
      if (live == 0) {
        return;
      }
      remaining -= perEpoch;
      validate(p, group, remaining <= 0, accuracy, maxAbsError);
      epoch++;
    }
  }

  /** Groups of tasks kept laid out. */
  int keptGroups() {
    return kept;
  }

  /** Entries of the groups kept laid out. */
  long keptEntries() {
    return keptEntries;
  }

  /** Tasks {@code [first, first + WIDTH)} of {@code all} laid out lane by lane, built at first sight. */
  private LaneTasks group(List<Task> all, int first) {
    for (int k = 0; k < kept; k++) {
      final LaneTasks group = groups[(oldest + k) % MAX_KEPT_GROUPS];
      if (group.isFor(all, first)) {
        return group;
      }
    }
    final LaneTasks group = new LaneTasks(all, first);
    while (kept == MAX_KEPT_GROUPS || (kept > 0 && keptEntries + group.entries() > MAX_KEPT_ENTRIES)) {
      keptEntries -= groups[oldest].entries();
      groups[oldest] = null;
      oldest = (oldest + 1) % MAX_KEPT_GROUPS;
      kept--;
    }
    groups[(oldest + kept) % MAX_KEPT_GROUPS] = group;
    kept++;
    keptEntries += group.entries();
    return group;
  }

  /** Lane code for {@code p}. */
  private void prepare(CompiledAlgorithm p) {
    final int count = p.learnEnd;
    if (code.length < 4 * count) {
      code = new int[4 * count];
      operands = new int[6 * count];
    }
    final int[] source = p.code;
    for (int i = 0; i < count; i++) {
      final int specialised = source[4 * i];
      // Vector and matrix codes [16, 65] are specialised by adding multiples of 64.
      final int op = specialised < 16 ? specialised : specialised - 64 * ((specialised - 16) / 64);
      final Op o = Op.ofCode(op);
      code[4 * i] = op;
      for (int k = 1; k < 4; k++) {
        code[4 * i + k] = source[4 * i + k] * WIDTH;
        operands[6 * i + k - 1] = source[4 * i + k];
      }
      operands[6 * i + 3] = entries(o.in1());
      operands[6 * i + 4] = entries(o.in2());
      operands[6 * i + 5] = entries(o.out());
    }
  }

  private int entries(Kind kind) {
    return switch (kind) {
      case NONE -> 0;
      case SCALAR -> 1;
      case VECTOR -> f;
      case MATRIX -> f * f;
    };
  }

  /**
   * One training pass of {@code steps} examples, features {@code x} and labels {@code y} laid out
   * lane by lane in the epoch's order ({@link LaneTasks}).
   */
  private void train(CompiledAlgorithm p, double[] x, double[] y, int steps, boolean accuracy, double maxAbsError) {
    final int w = WIDTH;
    final double[] mem = this.mem;
    final int v0 = vectorBase * w;
    final int fw = f * w;
    for (int step = 0; step < steps; step++) {
      System.arraycopy(x, step * fw, mem, v0, fw);
      for (int l = 0; l < w; l++) {
        mem[l] = 0.0; // s0: the label is hidden in Predict
      }
      range(p, p.setupEnd, p.predictEnd);
      final int at = step * w;
      boolean stop = false;
      for (int l = 0; l < w; l++) {
        if (accuracy) {
          mem[w + l] = Executor.sigmoid(mem[w + l]);
        }
        stop |= !(Math.abs(y[at + l] - mem[w + l]) <= maxAbsError); // NaN or too large
      }
      if (stop) {
        stopTraining(step, y, at, maxAbsError);
        if (live == 0) {
          return;
        }
      }
      System.arraycopy(y, at, mem, 0, w); // s0 = the label for Learn
      range(p, p.predictEnd, p.learnEnd);
    }
    for (int l = 0; l < w; l++) {
      if (!done[l]) {
        trainSteps[l] += steps;
        learnSteps[l] += steps;
      }
    }
  }

  /** Marks the lanes whose prediction at {@code step} stops training, as the executor does. */
  private void stopTraining(int step, double[] y, int at, double maxAbsError) {
    for (int l = 0; l < WIDTH; l++) {
      final double error = Math.abs(y[at + l] - mem[WIDTH + l]);
      if (!done[l] && (Double.isNaN(error) || error > maxAbsError)) {
        done[l] = true;
        live--;
        trainSteps[l] += step + 1;
        learnSteps[l] += step; // its fitness: 0 in the first epoch, else the best validation so far
      }
    }
  }

  /** Predict on the validation examples in order; the best fitness so far per lane. */
  private void validate(CompiledAlgorithm p, LaneTasks group, boolean lastEpoch, boolean accuracy,
      double maxAbsError) {
    final int w = WIDTH;
    final double[] mem = this.mem;
    final double[] x = group.validFeatures;
    final double[] y = group.validLabels;
    final int steps = group.task(0).numValid();
    final int v0 = vectorBase * w;
    final int fw = f * w;
    int scoring = 0;
    for (int l = 0; l < w; l++) {
      loss[l] = 0.0;
      validStopped[l] = false;
      if (!done[l]) {
        scoring++;
      }
    }
    for (int step = 0; step < steps && scoring > 0; step++) {
      System.arraycopy(x, step * fw, mem, v0, fw);
      for (int l = 0; l < w; l++) {
        mem[l] = 0.0;
      }
      range(p, p.setupEnd, p.predictEnd);
      final int at = step * w;
      for (int l = 0; l < w; l++) {
        if (done[l] || validStopped[l]) {
          continue;
        }
        final double label = y[at + l];
        final double error;
        if (accuracy) {
          final double probability = Executor.sigmoid(mem[w + l]);
          if (probability > 1.0 || probability < 0.0) {
            error = Double.POSITIVE_INFINITY;
          } else {
            error = (label > 0.5) == (probability > 0.5) ? 0.0 : 1.0;
          }
          loss[l] += error;
        } else {
          error = label - mem[w + l];
          loss[l] += error * error;
        }
        final double absError = Math.abs(error);
        if (Double.isNaN(absError) || absError > maxAbsError) {
          validStopped[l] = true;
          validSteps[l] += step + 1;
          scoring--;
        }
      }
    }
    for (int l = 0; l < w; l++) {
      if (done[l]) {
        continue;
      }
      final double score;
      if (validStopped[l]) {
        if (!lastEpoch) { // alone, the next epoch would train on from the memory of the stop
          done[l] = true;
          rerun[l] = true;
          live--;
          continue;
        }
        score = 0.0;
      } else {
        validSteps[l] += steps;
        score = accuracy ? 1.0 - loss[l] / steps : Executor.flipAndSquash(Math.sqrt(loss[l] / steps));
      }
      fitness[l] = Math.max(fitness[l], score);
    }
  }

  // Keep this method under 8,000 bytes of bytecode (javap -c): HotSpot never JIT-compiles a larger one.
  private void range(CompiledAlgorithm p, int from, int to) {
    final int[] code = this.code;
    final double[] constants = p.constants;
    final double[] mem = this.mem;
    final int n = WIDTH;
    final int fn = f * n;
    final int ffn = f * fn;
    for (int i = from; i < to; i++) {
      final int pc = i << 2;
      final int a = code[pc + 1];
      final int b = code[pc + 2];
      final int o = code[pc + 3];
      switch (code[pc]) {
        case 1 -> sum(mem, a, b, o, n); // SCALAR_SUM
        case 2 -> diff(mem, a, b, o, n); // SCALAR_DIFF
        case 3 -> product(mem, a, b, o, n); // SCALAR_PRODUCT
        case 4 -> division(mem, a, b, o, n); // SCALAR_DIVISION
        case 5 -> abs(mem, a, o, n); // SCALAR_ABS
        case 6 -> reciprocal(mem, a, o, n); // SCALAR_RECIPROCAL
        case 7 -> {
          for (int l = 0; l < n; l++) {
            mem[o + l] = Math.sin(mem[a + l]);
          }
        }
        case 8 -> {
          for (int l = 0; l < n; l++) {
            mem[o + l] = Math.cos(mem[a + l]);
          }
        }
        case 9 -> {
          for (int l = 0; l < n; l++) {
            mem[o + l] = Math.tan(mem[a + l]);
          }
        }
        case 10 -> {
          for (int l = 0; l < n; l++) {
            mem[o + l] = Math.asin(mem[a + l]);
          }
        }
        case 11 -> {
          for (int l = 0; l < n; l++) {
            mem[o + l] = Math.acos(mem[a + l]);
          }
        }
        case 12 -> {
          for (int l = 0; l < n; l++) {
            mem[o + l] = Math.atan(mem[a + l]);
          }
        }
        case 13 -> {
          for (int l = 0; l < n; l++) {
            mem[o + l] = Math.exp(mem[a + l]);
          }
        }
        case 14 -> {
          for (int l = 0; l < n; l++) {
            mem[o + l] = Math.log(mem[a + l]);
          }
        }
        case 15 -> { // SCALAR_HEAVYSIDE: 1 at 0
          for (int l = 0; l < n; l++) {
            mem[o + l] = mem[a + l] >= 0 ? 1.0 : 0.0;
          }
        }
        case 16 -> heaviside(mem, a, o, fn); // VECTOR_HEAVYSIDE: 0 at 0
        case 17 -> heaviside(mem, a, o, ffn); // MATRIX_HEAVYSIDE
        case 18 -> scalarTimes(mem, a, b, o, fn); // SCALAR_VECTOR_PRODUCT
        case 19 -> { // SCALAR_BROADCAST
          for (int j = 0; j < fn; j += n) {
            for (int l = 0; l < n; l++) {
              mem[o + j + l] = mem[a + l];
            }
          }
        }
        case 20 -> reciprocal(mem, a, o, fn); // VECTOR_RECIPROCAL
        case 22 -> abs(mem, a, o, fn); // VECTOR_ABS
        case 23 -> sum(mem, a, b, o, fn); // VECTOR_SUM
        case 24 -> diff(mem, a, b, o, fn); // VECTOR_DIFF
        case 25 -> product(mem, a, b, o, fn); // VECTOR_PRODUCT
        case 26 -> division(mem, a, b, o, fn); // VECTOR_DIVISION
        case 27 -> { // VECTOR_INNER_PRODUCT, summed in entry order as Kernels.vectorInnerProduct
          for (int l = 0; l < n; l++) {
            mem[o + l] = 0.0;
          }
          for (int j = 0; j < fn; j += n) {
            for (int l = 0; l < n; l++) {
              mem[o + l] += mem[a + j + l] * mem[b + j + l];
            }
          }
        }
        case 29 -> scalarTimes(mem, a, b, o, ffn); // SCALAR_MATRIX_PRODUCT
        case 30 -> reciprocal(mem, a, o, ffn); // MATRIX_RECIPROCAL
        case 38 -> abs(mem, a, o, ffn); // MATRIX_ABS
        case 39 -> sum(mem, a, b, o, ffn); // MATRIX_SUM
        case 40 -> diff(mem, a, b, o, ffn); // MATRIX_DIFF
        case 41 -> product(mem, a, b, o, ffn); // MATRIX_PRODUCT
        case 42 -> division(mem, a, b, o, ffn); // MATRIX_DIVISION
        case 44 -> { // SCALAR_MIN as std::min(a, b)
          for (int l = 0; l < n; l++) {
            final double x = mem[a + l];
            final double y = mem[b + l];
            mem[o + l] = y < x ? y : x;
          }
        }
        case 47 -> { // SCALAR_MAX as std::max(a, b)
          for (int l = 0; l < n; l++) {
            final double x = mem[a + l];
            final double y = mem[b + l];
            mem[o + l] = x < y ? y : x;
          }
        }
        case 56, 57, 58 -> { // SCALAR/VECTOR/MATRIX_CONST_SET: the offset names the entry
          final double c = constants[2 * i];
          for (int l = 0; l < n; l++) {
            mem[o + l] = c;
          }
        }
        case 65 -> { // VECTOR_RELU as std::max(x, 0)
          for (int k = 0; k < fn; k++) {
            final double x = mem[a + k];
            mem[o + k] = x < 0 ? 0.0 : x;
          }
        }
        default -> laneByLane(p, i);
      }
    }
  }

  /** Instruction {@code i} run by the sequential interpreter, one lane at a time. */
  private void laneByLane(CompiledAlgorithm p, int i) {
    final int n = WIDTH;
    final int[] x = operands;
    final int a = x[6 * i];
    final int b = x[6 * i + 1];
    final int o = x[6 * i + 2];
    final int na = x[6 * i + 3];
    final int nb = x[6 * i + 4];
    final int no = x[6 * i + 5];
    final double[] mem = this.mem;
    final double[] one = singleData;
    for (int l = 0; l < n; l++) {
      for (int k = 0; k < na; k++) {
        one[a + k] = mem[(a + k) * n + l];
      }
      for (int k = 0; k < nb; k++) {
        one[b + k] = mem[(b + k) * n + l];
      }
      single.execute(p, i, i + 1);
      for (int k = 0; k < no; k++) {
        mem[(o + k) * n + l] = one[o + k];
      }
    }
  }

  private static void abs(double[] mem, int a, int o, int count) {
    for (int k = 0; k < count; k++) {
      mem[o + k] = Math.abs(mem[a + k]);
    }
  }

  private static void reciprocal(double[] mem, int a, int o, int count) {
    for (int k = 0; k < count; k++) {
      mem[o + k] = 1.0 / mem[a + k];
    }
  }

  private static void heaviside(double[] mem, int a, int o, int count) {
    for (int k = 0; k < count; k++) {
      mem[o + k] = mem[a + k] > 0 ? 1.0 : 0.0;
    }
  }

  private static void sum(double[] mem, int a, int b, int o, int count) {
    for (int k = 0; k < count; k++) {
      mem[o + k] = mem[a + k] + mem[b + k];
    }
  }

  private static void diff(double[] mem, int a, int b, int o, int count) {
    for (int k = 0; k < count; k++) {
      mem[o + k] = mem[a + k] - mem[b + k];
    }
  }

  private static void product(double[] mem, int a, int b, int o, int count) {
    for (int k = 0; k < count; k++) {
      mem[o + k] = mem[a + k] * mem[b + k];
    }
  }

  private static void division(double[] mem, int a, int b, int o, int count) {
    for (int k = 0; k < count; k++) {
      mem[o + k] = mem[a + k] / mem[b + k];
    }
  }

  /** Scalar a times each of {@code count / WIDTH} entries of b, per lane: {@code b * x} as the kernels. */
  private static void scalarTimes(double[] mem, int a, int b, int o, int count) {
    for (int j = 0; j < count; j += WIDTH) {
      for (int l = 0; l < WIDTH; l++) {
        mem[o + j + l] = mem[b + j + l] * mem[a + l];
      }
    }
  }
}
