package org.automlzero.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * A program of the select and final stages and its fitnesses: an island's best member
 * ({@code candidate}, the one chosen becoming {@code winner}) or a hand-written {@code baseline}.
 * The program travels as text, which parses back to exactly the same instructions. Immutable;
 * NaN marks a fitness that was not measured.
 *
 * @param kind winner, candidate or baseline
 * @param name "island N" or the baseline's name
 * @param island the island it came from, -1 for baselines
 * @param id the individual's id, -1 for baselines
 */
public record Finalist(String kind, String name, int island, long id, String program, double searchFitness,
    double selectFitness, double finalFitness) implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String WINNER = "winner";
  public static final String CANDIDATE = "candidate";
  public static final String BASELINE = "baseline";

  public Finalist {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(program, "program");
  }

  public Finalist withKind(String newKind) {
    return new Finalist(newKind, name, island, id, program, searchFitness, selectFitness, finalFitness);
  }

  public Finalist withSelectFitness(double fitness) {
    return new Finalist(kind, name, island, id, program, searchFitness, fitness, finalFitness);
  }

  public Finalist withFinalFitness(double fitness) {
    return new Finalist(kind, name, island, id, program, searchFitness, selectFitness, fitness);
  }
}
