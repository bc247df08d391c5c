package org.automlzero.spark;

/**
 * When the search phase of the job ends ({@code stop.*}), checked after every epoch; 0 means no
 * limit for each field. Immutable.
 *
 * @param maxEpochs epochs in all, resumed ones included
 * @param maxIndividuals individuals created over all islands
 * @param maxWallSeconds wall-clock seconds of this job's search phase (not reproducible)
 * @param sufficientFitness stop once the run's best-ever search fitness is at least this
 */
public record StopLimits(int maxEpochs, long maxIndividuals, double maxWallSeconds, double sufficientFitness)
    implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  public StopLimits {
    if (maxEpochs < 0 || maxIndividuals < 0 || !(maxWallSeconds >= 0) || !(sufficientFitness >= 0)) {
      throw new IllegalArgumentException("stop limits must be >= 0");
    }
    if (maxEpochs == 0 && maxIndividuals == 0 && maxWallSeconds == 0 && sufficientFitness == 0) {
      throw new IllegalArgumentException("no stop limit is set, so the search would never end");
    }
  }

  /** Why the search stops after {@code epochsDone} epochs, or null to go on. */
  public String reason(int epochsDone, long individuals, double wallSeconds, double bestEverFitness) {
    if (maxEpochs > 0 && epochsDone >= maxEpochs) {
      return "stop.max_epochs = " + maxEpochs + " reached";
    }
    if (maxIndividuals > 0 && individuals >= maxIndividuals) {
      return "stop.max_individuals = " + maxIndividuals + " reached (" + individuals + ")";
    }
    if (sufficientFitness > 0 && bestEverFitness >= sufficientFitness) {
      return "stop.sufficient_fitness = " + sufficientFitness + " reached (" + bestEverFitness + ")";
    }
    if (maxWallSeconds > 0 && wallSeconds >= maxWallSeconds) {
      return "stop.max_wall_seconds = " + maxWallSeconds + " reached";
    }
    return null;
  }

  /**
   * The fraction of the run done, by the limit closest to being reached (fitness does not count:
   * it cannot be extrapolated), or NaN when only sufficient_fitness is set.
   */
  public double fractionDone(int epochsDone, long individuals, double wallSeconds) {
    double fraction = Double.NaN;
    if (maxEpochs > 0) {
      fraction = max(fraction, (double) epochsDone / maxEpochs);
    }
    if (maxIndividuals > 0) {
      fraction = max(fraction, (double) individuals / maxIndividuals);
    }
    if (maxWallSeconds > 0) {
      fraction = max(fraction, wallSeconds / maxWallSeconds);
    }
    return fraction;
  }

  private static double max(double a, double b) {
    return Double.isNaN(a) ? b : Math.max(a, b);
  }
}
