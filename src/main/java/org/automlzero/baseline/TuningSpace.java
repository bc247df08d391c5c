package org.automlzero.baseline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.automlzero.random.Rng;
import org.automlzero.random.Seeds;

/**
 * Where and how long the random search for baseline hyper-parameters looks: {@code trials}
 * candidates per model, the learning rate and the init scales each drawn log-uniformly from their
 * range (the paper tunes its baselines by random search; a log scale because these values matter by
 * their order of magnitude). Trial 0 is the reference's untuned values, so tuning can only improve
 * on them on the select tasks; trials 1.. are drawn from one generator of (seed, model), so a run
 * with more trials extends one with fewer. Immutable.
 */
public record TuningSpace(int trials, double minLearningRate, double maxLearningRate, double minInitScale,
    double maxInitScale) implements Serializable {
  private static final long serialVersionUID = 1L;
  static final long SAMPLE_SALT = 0x7A11_B45EL;

  public TuningSpace {
    if (trials < 0) {
      throw new IllegalArgumentException("trials is " + trials + ", must be >= 0");
    }
    checkRange("learning rate", minLearningRate, maxLearningRate);
    checkRange("init scale", minInitScale, maxInitScale);
  }

  private static void checkRange(String what, double min, double max) {
    if (!(min > 0) || !(max >= min) || Double.isInfinite(max)) {
      throw new IllegalArgumentException(what + " range [" + min + ", " + max + "] must satisfy 0 < min <= max");
    }
  }

  /** No tuning: the reference's values only. */
  public static TuningSpace untuned() {
    return new TuningSpace(0, 1e-4, 1.0, 1e-3, 1.0);
  }

  /**
   * The candidates of {@code model}: {@code max(trials, 1)} of them, the reference's values first.
   */
  public List<HyperParameters> candidates(BaselineModel model, long seed) {
    List<HyperParameters> list = new ArrayList<>();
    list.add(model.defaults());
    Rng rng = new Rng(Seeds.derive(seed, SAMPLE_SALT, model.ordinal()));
    for (int i = 1; i < trials; i++) {
      double lr = logUniform(rng, minLearningRate, maxLearningRate);
      double first = logUniform(rng, minInitScale, maxInitScale);
      double last = logUniform(rng, minInitScale, maxInitScale);
      list.add(model.hasInitScales() ? new HyperParameters(lr, first, last) : new HyperParameters(lr, 0, 0));
    }
    return list;
  }

  private static double logUniform(Rng rng, double min, double max) {
    if (min == max) {
      return min;
    }
    return Math.exp(Math.log(min) + rng.nextDouble() * (Math.log(max) - Math.log(min)));
  }
}
