package org.automlzero.program;

import java.util.ArrayList;
import java.util.List;

/**
 * The hand-written algorithms of the reference ({@code generator.cc}): a linear model trained by
 * SGD and a two-layer ReLU network trained by backpropagation, with exactly the reference's
 * address maps, plus the NO_OP padding its generator applies. They serve as initial populations,
 * as the train-budget baseline and as golden programs for the interpreter. Stateless.
 *
 * <p>The algorithms returned here are not padded; {@link #padded} pads them as the reference's
 * generator does (with NO_OPs up to the init sizes, never truncating).
 */
public final class HandWrittenAlgorithms {
  /** The reference's {@code kDefaultLearningRate}. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;
  /** The initialisation scale the reference's {@code NEURAL_NET_ALGORITHM} uses for both layers. */
  public static final double DEFAULT_INIT_SCALE = 0.1;

  /** The smallest address space {@link #linearModel} fits: s0..s3, v0..v2, no matrix. */
  public static final AddressSpace LINEAR_MODEL_SPACE = new AddressSpace(4, 3, 0);
  /** The smallest address space {@link #neuralNet} fits: s0..s4, v0..v8, m0..m1. */
  public static final AddressSpace NEURAL_NET_SPACE = new AddressSpace(5, 9, 2);

  private HandWrittenAlgorithms() {}

  /**
   * The reference's {@code LinearModel(lr)}: s2 = learning rate, s3 = error, v1 = weights,
   * v2 = correction.
   */
  public static Algorithm linearModel(double learningRate) {
    return new Algorithm(
        List.of(Instruction.scalarConst(2, learningRate)),
        List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 1, 0, 1)),
        List.of(
            Instruction.of(Op.SCALAR_DIFF, 0, 1, 3),
            Instruction.of(Op.SCALAR_PRODUCT, 2, 3, 3),
            Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 3, 0, 2),
            Instruction.of(Op.VECTOR_SUM, 1, 2, 1)));
  }

  /**
   * The reference's {@code NeuralNet(lr, first_init_scale, final_init_scale)}. Scalars: s2 final
   * bias, s3 learning rate, s4 error. Vectors: v1 first bias, v2 final weights, v3 pre-ReLU,
   * v4 post-ReLU, v5 zeros (ReLU is {@code max(v3, v5)}, as in the reference), v6..v8 gradients.
   * Matrices: m0 first weights, m1 their gradient. Learn updates v2 before it computes v7 from the
   * updated v2, as the reference does.
   */
  public static Algorithm neuralNet(double learningRate, double firstInitScale, double finalInitScale) {
    return new Algorithm(
        List.of(
            Instruction.randomSet(Op.VECTOR_GAUSSIAN_SET, 2, 0f, (float) finalInitScale),
            Instruction.randomSet(Op.MATRIX_GAUSSIAN_SET, 0, 0f, (float) firstInitScale),
            Instruction.scalarConst(3, learningRate)),
        List.of(
            Instruction.of(Op.MATRIX_VECTOR_PRODUCT, 0, 0, 3),
            Instruction.of(Op.VECTOR_SUM, 3, 1, 3),
            Instruction.of(Op.VECTOR_MAX, 3, 5, 4),
            Instruction.of(Op.VECTOR_INNER_PRODUCT, 4, 2, 1),
            Instruction.of(Op.SCALAR_SUM, 1, 2, 1)),
        List.of(
            Instruction.of(Op.SCALAR_DIFF, 0, 1, 4),
            Instruction.of(Op.SCALAR_PRODUCT, 3, 4, 4),
            Instruction.of(Op.SCALAR_SUM, 2, 4, 2),
            Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 4, 4, 6),
            Instruction.of(Op.VECTOR_SUM, 2, 6, 2),
            Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 4, 2, 7),
            Instruction.of(Op.VECTOR_HEAVYSIDE, 3, 8),
            Instruction.of(Op.VECTOR_PRODUCT, 8, 7, 7),
            Instruction.of(Op.VECTOR_SUM, 1, 7, 1),
            Instruction.of(Op.VECTOR_OUTER_PRODUCT, 7, 0, 1),
            Instruction.of(Op.MATRIX_SUM, 0, 1, 0)));
  }

  /** {@link #neuralNet} with the default learning rate and init scales (NEURAL_NET_ALGORITHM). */
  public static Algorithm neuralNet() {
    return neuralNet(DEFAULT_LEARNING_RATE, DEFAULT_INIT_SCALE, DEFAULT_INIT_SCALE);
  }

  /**
   * {@link #neuralNet} without its first two Setup instructions (the Gaussian initialisations of
   * v2 and m0), the start of the reference's nonlinear integration test, which evolution must
   * repair. The init scales are gone with the instructions, so only the learning rate remains.
   */
  public static Algorithm damagedNeuralNet(double learningRate) {
    return removeFirstSetupInstructions(neuralNet(learningRate, DEFAULT_INIT_SCALE, DEFAULT_INIT_SCALE), 2);
  }

  /**
   * {@code algorithm} without its first {@code count} Setup instructions (the reference builds its
   * damaged network by erasing from the already padded one).
   */
  public static Algorithm removeFirstSetupInstructions(Algorithm algorithm, int count) {
    List<Instruction> setup = algorithm.setup();
    if (count < 0 || count > setup.size()) {
      throw new IllegalArgumentException("cannot remove " + count + " of " + setup.size() + " Setup instructions");
    }
    return algorithm.withComponent(ComponentFunction.SETUP, setup.subList(count, setup.size()));
  }

  /**
   * {@code algorithm} with each function padded at its end with NO_OPs up to the given size; a
   * function already that long or longer is kept as it is (the reference never truncates).
   */
  public static Algorithm padded(Algorithm algorithm, int setupSize, int predictSize, int learnSize) {
    return new Algorithm(
        pad(algorithm.setup(), setupSize),
        pad(algorithm.predict(), predictSize),
        pad(algorithm.learn(), learnSize));
  }

  private static List<Instruction> pad(List<Instruction> instructions, int size) {
    if (size < 0) {
      throw new IllegalArgumentException("size is " + size + ", must be >= 0");
    }
    if (instructions.size() >= size) {
      return instructions;
    }
    List<Instruction> result = new ArrayList<>(size);
    result.addAll(instructions);
    while (result.size() < size) {
      result.add(Instruction.noOp());
    }
    return result;
  }
}
