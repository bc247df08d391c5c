package org.automlzero.baseline;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One candidate of the baseline random search and its fitness on the select tasks (NaN while not
 * measured). Immutable.
 *
 * @param index the candidate's number among its model's ({@link TuningSpace#candidates}); 0 is the
 *     reference's values
 */
public record Trial(BaselineModel model, int index, HyperParameters parameters, double selectFitness)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public Trial {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(parameters, "parameters");
  }

  public Trial withSelectFitness(double fitness) {
    return new Trial(model, index, parameters, fitness);
  }

  /** The readable name with the values. */
  public String name() {
    return model.describe(parameters);
  }

  /**
   * The trial of {@code model} with the highest select fitness; ties go to the lower index, so the
   * reference's values win unless beaten.
   */
  public static Trial best(List<Trial> trials, BaselineModel model) {
    Trial best = null;
    for (Trial trial : trials) {
      if (trial.model != model) {
        continue;
      }
      if (best == null || trial.selectFitness > best.selectFitness
          || (trial.selectFitness == best.selectFitness && trial.index < best.index)) {
        best = trial;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no trial of " + model);
    }
    return best;
  }
}
