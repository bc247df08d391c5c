package org.automlzero.baseline;

import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.HandWrittenAlgorithms;

/**
 * The two hand-written baselines of the paper and the reference ({@code generator.cc}): SGD on a
 * linear model (logistic regression on accuracy tasks, since the executor squashes the prediction
 * before Learn) and a two-layer ReLU net trained by backpropagation, each a program in the
 * project's language built from its {@link HyperParameters}. Stateless.
 */
public enum BaselineModel {
  LINEAR_MODEL("linear_model", false, HandWrittenAlgorithms.LINEAR_MODEL_SPACE),
  NEURAL_NET("neural_net", true, HandWrittenAlgorithms.NEURAL_NET_SPACE);

  private final String label;
  private final boolean hasInitScales;
  private final AddressSpace space;

  BaselineModel(String label, boolean hasInitScales, AddressSpace space) {
    this.label = label;
    this.hasInitScales = hasInitScales;
    this.space = space;
  }

  /** The program of these hyper-parameters. */
  public Algorithm algorithm(HyperParameters p) {
    return this == LINEAR_MODEL
        ? HandWrittenAlgorithms.linearModel(p.learningRate())
        : HandWrittenAlgorithms.neuralNet(p.learningRate(), p.firstInitScale(), p.finalInitScale());
  }

  /** The reference's untuned values: learning rate 0.01, both init scales 0.1. */
  public HyperParameters defaults() {
    return new HyperParameters(HandWrittenAlgorithms.DEFAULT_LEARNING_RATE,
        hasInitScales ? HandWrittenAlgorithms.DEFAULT_INIT_SCALE : 0,
        hasInitScales ? HandWrittenAlgorithms.DEFAULT_INIT_SCALE : 0);
  }

  /** Whether the model has initialisation scales to tune. */
  public boolean hasInitScales() {
    return hasInitScales;
  }

  /** The smallest memory the program fits. */
  public AddressSpace space() {
    return space;
  }

  /** A readable name with the values, e.g. {@code neural_net(0.03621, 0.1809, 0.1452)}. */
  public String describe(HyperParameters p) {
    return p.describe(label, hasInitScales);
  }
}
