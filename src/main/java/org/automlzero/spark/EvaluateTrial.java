package org.automlzero.spark;

import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.automlzero.baseline.BaselineTuner;
import org.automlzero.baseline.Trial;
import org.automlzero.search.ExperimentSpec;

/**
 * Scores one candidate of the baselines' random search on the select tasks, on an executor
 * ({@link BaselineTuner#score}: the same value whatever the partition or a retried task). Immutable.
 */
public final class EvaluateTrial implements Function<Trial, Trial> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<JobPlan> plan;

  public EvaluateTrial(Broadcast<JobPlan> plan) {
    this.plan = plan;
  }

  @Override
  public Trial call(Trial trial) {
    JobPlan job = plan.value();
    ExperimentSpec spec = job.spec();
    return BaselineTuner.score(trial, job.selectTasks(), spec.combination(), spec.maxAbsError(), job.seed());
  }
}
