package org.automlzero.baseline;

import java.io.Serializable;
import java.util.Locale;

/**
 * The hyper-parameters of a hand-written baseline: the learning rate, and for the neural net the
 * standard deviations of its first-layer and final-layer Gaussian initialisations (the arguments of
 * the reference's {@code NeuralNet(lr, first_init_scale, final_init_scale)}). The linear model
 * ignores the scales. Immutable.
 */
public record HyperParameters(double learningRate, double firstInitScale, double finalInitScale)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public HyperParameters {
    check("learningRate", learningRate);
    check("firstInitScale", firstInitScale);
    check("finalInitScale", finalInitScale);
  }

  private static void check(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " is " + value + ", must be finite and >= 0");
    }
  }

  /** {@code name(lr)} or {@code name(lr, first, final)}, 4 significant digits. */
  String describe(String name, boolean withScales) {
    return withScales
        ? String.format(Locale.ROOT, "%s(%.4g, %.4g, %.4g)", name, learningRate, firstInitScale, finalInitScale)
        : String.format(Locale.ROOT, "%s(%.4g)", name, learningRate);
  }
}
