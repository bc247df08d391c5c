package org.automlzero.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.automlzero.baseline.BaselineModel;
import org.automlzero.baseline.BaselineTuner;
import org.automlzero.baseline.Trial;
import org.automlzero.program.Algorithm;
import org.automlzero.program.ProgramText;
import org.automlzero.program.Simplifier;
import org.automlzero.search.Individual;

/**
 * After the search: the select stage (each island's best member, by {@link PopulationCodec#best},
 * scored on the select tasks; the highest select fitness wins, the lower island on ties) and the
 * final stage (the winner and the hand-written baselines, the reference's linear model and neural
 * net, on the final tasks), one Spark stage each, with a stage between them that tunes the baselines
 * by random search on the select tasks ({@link BaselineTuner}; the paper compares against tuned
 * baselines). Writes {@code results/} as Parquet and the
 * readable {@code summary.txt}, and returns the summary text. Not thread-safe; driver only.
 */
public final class FinalStages {
  /** Where the readable summary goes, relative to the run folder. */
  public static final String SUMMARY = "summary.txt";

  private final SparkSession spark;
  private final JavaSparkContext jsc;
  private final JobPlan plan;
  private final RunStore store;

  public FinalStages(SparkSession spark, JobPlan plan, RunStore store) {
    this.spark = spark;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.plan = plan;
    this.store = store;
  }

  /** Runs both stages, writes the results and returns the summary. */
  public String run(IslandSearch.Outcome outcome) {
    Broadcast<JobPlan> broadcast = jsc.broadcast(plan);
    List<Finalist> candidates = new ArrayList<>();
    for (IslandSummary island : outcome.islands()) {
      Row best = island.best().get(0);
      Individual member = PopulationCodec.individual(best);
      candidates.add(new Finalist(Finalist.CANDIDATE, "island " + island.island(), island.island(), member.id(),
          ProgramText.print(member.algorithm()), member.fitness(), Double.NaN, Double.NaN));
    }
    jsc.setJobGroup("select", "select stage: " + candidates.size() + " candidates on the select tasks", false);
    List<Finalist> selected = new ArrayList<>(jsc.parallelize(candidates, Math.max(1, candidates.size()))
        .map(new EvaluateFinalist(broadcast, EvaluateFinalist.Stage.SELECT, List.of())).collect());
    selected.sort((a, b) -> Integer.compare(a.island(), b.island()));
    int winnerIndex = 0;
    for (int i = 1; i < selected.size(); i++) {
      if (selected.get(i).selectFitness() > selected.get(winnerIndex).selectFitness()) {
        winnerIndex = i;
      }
    }
    Finalist winner = selected.get(winnerIndex).withKind(Finalist.WINNER);
    List<Trial> trials = tuneBaselines(broadcast);
    List<Finalist> finalists = new ArrayList<>();
    finalists.add(winner);
    for (BaselineModel model : BaselineModel.values()) {
      finalists.add(baseline(Trial.best(trials, model)));
    }
    List<String> order = new ArrayList<>();
    for (Finalist finalist : finalists) {
      order.add(finalist.name());
    }
    jsc.setJobGroup("final", "final stage: the winner and the baselines on the final tasks", false);
    List<Finalist> scored = new ArrayList<>(jsc.parallelize(finalists, finalists.size())
        .map(new EvaluateFinalist(broadcast, EvaluateFinalist.Stage.FINAL, order)).collect());
    scored.sort((a, b) -> Integer.compare(order.indexOf(a.name()), order.indexOf(b.name())));

    List<Row> rows = new ArrayList<>();
    rows.add(PopulationCodec.resultRow(scored.get(0)));
    for (int i = 0; i < selected.size(); i++) {
      if (i != winnerIndex) {
        rows.add(PopulationCodec.resultRow(selected.get(i)));
      }
    }
    for (Finalist baseline : scored.subList(1, scored.size())) {
      rows.add(PopulationCodec.resultRow(baseline));
    }
    spark.createDataFrame(rows, PopulationCodec.RESULT).coalesce(1).write().mode(SaveMode.Overwrite)
        .parquet(store.child("results"));
    String summary = summary(outcome, selected, scored);
    store.writeText(SUMMARY, summary);
    return summary;
  }

  /**
   * The baselines' random search ({@code baselines.*}) as one stage: every candidate of both models
   * scored on the select tasks, in trial order.
   */
  private List<Trial> tuneBaselines(Broadcast<JobPlan> broadcast) {
    List<Trial> trials = BaselineTuner.trials(plan.baselines(), plan.seed());
    jsc.setJobGroup("tune-baselines", "baselines: " + trials.size() + " random-search trials on the select tasks",
        false);
    List<Trial> scored = new ArrayList<>(jsc.parallelize(trials, trials.size()).map(new EvaluateTrial(broadcast))
        .collect());
    scored.sort((a, b) -> a.model() != b.model() ? a.model().compareTo(b.model())
        : Integer.compare(a.index(), b.index()));
    return scored;
  }

  /** A baseline finalist: the best trial of its model, with its select fitness. */
  private static Finalist baseline(Trial best) {
    Algorithm algorithm = best.model().algorithm(best.parameters());
    return new Finalist(Finalist.BASELINE, best.name(), -1, -1, ProgramText.print(algorithm), Double.NaN,
        best.selectFitness(), Double.NaN);
  }

  private String summary(IslandSearch.Outcome outcome, List<Finalist> candidates, List<Finalist> finalists) {
    StringBuilder text = new StringBuilder();
    Finalist winner = finalists.get(0);
    text.append(String.format(Locale.ROOT, "run %s%n", store.root()));
    text.append(String.format(Locale.ROOT, "%d epochs, %d islands, %d individuals; search %.1f s in this job (%s)%n",
        outcome.epochs(), outcome.islands().size(), outcome.individuals(), outcome.seconds(), outcome.reason()));
    text.append(String.format(Locale.ROOT, "best search fitness ever: %.6f%n",
        IslandSearch.bestEver(outcome.islands())));
    text.append("candidates (each island's best member):\n");
    for (Finalist candidate : candidates) {
      text.append(String.format(Locale.ROOT, "  %-10s id=%-16d search=%.6f select=%.6f%s%n", candidate.name(),
          candidate.id(), candidate.searchFitness(), candidate.selectFitness(),
          candidate.id() == winner.id() ? "  <- winner" : ""));
    }
    text.append(String.format(Locale.ROOT, "baselines: the best of %d random-search candidates per model on the"
        + " select tasks (candidate 0: the reference's values)%n", Math.max(1, plan.baselines().trials())));
    text.append("final tasks (unseen):\n");
    for (Finalist finalist : finalists) {
      text.append(String.format(Locale.ROOT, "  %-40s select=%.6f final=%.6f%n",
          finalist.kind().equals(Finalist.WINNER) ? "winner (" + finalist.name() + ")" : finalist.name(),
          finalist.selectFitness(), finalist.finalFitness()));
    }
    text.append(String.format(Locale.ROOT,
        "Final evaluation fitness (on unseen data) = %.6f%nWinner (search %.6f, select %.6f), raw:%n",
        winner.finalFitness(), winner.searchFitness(), winner.selectFitness()));
    text.append(winner.program());
    text.append("Winner, simplified (instructions that cannot change a prediction removed):\n");
    text.append(ProgramText.print(Simplifier.simplify(ProgramText.parse(winner.program()), plan.spec().space())));
    return text.toString();
  }
}
