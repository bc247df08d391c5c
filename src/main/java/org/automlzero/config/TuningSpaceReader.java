package org.automlzero.config;

import java.util.List;
import org.automlzero.baseline.TuningSpace;

/**
 * Reads {@code baselines.*}, the random search that tunes the hand-written baselines
 * ({@link TuningSpace}), with the same located errors as the rest of the configuration. Stateless.
 */
public final class TuningSpaceReader {
  private TuningSpaceReader() {}

  /** The tuning of a resolved configuration. */
  public static TuningSpace read(Settings settings) {
    Settings b = settings.at("baselines");
    int trials = b.intIn("tune_trials", 0, 1_000_000);
    double[] lr = range(b, "learning_rate");
    double[] scale = range(b, "init_scale");
    return new TuningSpace(trials, lr[0], lr[1], scale[0], scale[1]);
  }

  private static double[] range(Settings b, String path) {
    List<? extends Number> values;
    try {
      values = b.config().getDoubleList(path);
    } catch (com.typesafe.config.ConfigException e) {
      throw b.error(path, "must be a list of two numbers [min, max]");
    }
    if (values.size() != 2) {
      throw b.error(path, "must be a list of two numbers [min, max], has " + values.size());
    }
    double min = values.get(0).doubleValue();
    double max = values.get(1).doubleValue();
    if (!(min > 0) || !(max >= min) || Double.isInfinite(max)) {
      throw b.error(path, "must satisfy 0 < min <= max (values are drawn log-uniformly)");
    }
    return new double[] {min, max};
  }
}
