package org.automlzero.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.automlzero.program.Algorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegularizedEvolutionTest {
  private static final int P = 10;
  private static final int T = 3;

  private static RegularizedEvolution search(SearchMethod method, FitnessFunction fitness) {
    return new RegularizedEvolution(new EvolutionParameters(method, P, T, 0.5), Fixtures.randomInit(),
        Fixtures.demoMutator(), fitness);
  }

  private static RegularizedEvolution search(SearchMethod method) {
    return search(method, Fixtures::syntheticFitness);
  }

  @ParameterizedTest
  @EnumSource(SearchMethod.class)
  void sameSeedGivesTheSameIslandAndDifferentSeedsDiffer(SearchMethod method) {
    PopulationState a = search(method).advance(PopulationState.start(3, 42), 200);
    PopulationState b = search(method).advance(PopulationState.start(3, 42), 200);
    PopulationState c = search(method).advance(PopulationState.start(3, 43), 200);
    assertArrayEquals(PopulationStateCodec.encode(a), PopulationStateCodec.encode(b));
    assertNotEquals(a.members(), c.members());
  }

  @ParameterizedTest
  @EnumSource(SearchMethod.class)
  void pausingInPiecesThroughACopyEqualsOneUninterruptedRun(SearchMethod method) {
    RegularizedEvolution search = search(method);
    PopulationState whole = search.advance(PopulationState.start(1, 7), 7 + 23 + 41);

    PopulationState piece = PopulationState.start(1, 7);
    for (int count : new int[] {7, 23, 41}) { // stops mid-initialisation, then mid-sweep twice
      piece = PopulationStateCodec.decode(PopulationStateCodec.encode(search(method).advance(piece, count)));
    }
    assertArrayEquals(PopulationStateCodec.encode(whole), PopulationStateCodec.encode(piece));
    assertEquals(71, piece.individuals());
    assertEquals(1, piece.sweepPosition());
  }

  @Test
  void runSweepsChecksTheBudgetOnlyBetweenSweeps() {
    RegularizedEvolution search = search(SearchMethod.REGULARIZED_EVOLUTION);
    PopulationState done = search.runSweeps(PopulationState.start(0, 1), s -> s.individuals() >= 25);
    assertEquals(30, done.individuals());
    assertEquals(0, done.sweepPosition());

    PopulationState paused = search.advance(PopulationState.start(0, 1), 13);
    PopulationState resumed = search.runSweeps(PopulationStateCodec.decode(PopulationStateCodec.encode(paused)),
        s -> s.individuals() >= 25);
    assertArrayEquals(PopulationStateCodec.encode(done), PopulationStateCodec.encode(resumed));
  }

  @Test
  void runSweepsCanStopOnTheCallersOwnCounter() {
    long[] evaluations = {0};
    FitnessFunction counting = (algorithm, seed) -> {
      evaluations[0]++;
      return Fixtures.syntheticFitness(algorithm, seed);
    };
    PopulationState done = search(SearchMethod.REGULARIZED_EVOLUTION, counting)
        .runSweeps(PopulationState.start(0, 1), s -> evaluations[0] >= 41);
    assertEquals(50, evaluations[0]);
    assertEquals(50, done.individuals());
  }

  @Test
  void initialPopulationComesFromTheGeneratorWithoutParents() {
    PopulationState state = search(SearchMethod.REGULARIZED_EVOLUTION).advance(PopulationState.start(5, 2), P);
    assertEquals(P, state.members().size());
    for (int i = 0; i < P; i++) {
      Individual member = state.members().get(i);
      assertEquals(i, member.born());
      assertEquals(Individual.id(5, i), member.id());
      assertEquals(5, Individual.island(member.id()));
      assertEquals(-1, member.parentId());
      assertEquals("INIT RANDOM_ALGORITHM", member.mutation());
    }
  }

  @Test
  void agingOverwritesTheSlotsInOrderSoEachSweptSlotHoldsTheOldest() {
    RegularizedEvolution search = search(SearchMethod.REGULARIZED_EVOLUTION);
    PopulationState state = search.advance(PopulationState.start(0, 3), P + 3);
    assertEquals(3, state.sweepPosition());
    for (int slot = 0; slot < P; slot++) {
      long expectedBorn = slot < 3 ? P + slot : slot;
      assertEquals(expectedBorn, state.members().get(slot).born());
    }
    List<Long> ages = state.oldestFirst().stream().map(Individual::born).toList();
    for (int i = 1; i < ages.size(); i++) {
      assertTrue(ages.get(i - 1) < ages.get(i));
    }
    // One more: the oldest (slot 3, born 3) goes, whatever its fitness.
    PopulationState next = search.advance(state, 1);
    assertEquals(P + 3, next.members().get(3).born());
  }

  @Test
  void childrenComeFromTournamentWinnersAndCanBeParentsWithinTheirSweep() {
    PopulationState state = search(SearchMethod.REGULARIZED_EVOLUTION).advance(PopulationState.start(0, 4), P);
    RegularizedEvolution search = search(SearchMethod.REGULARIZED_EVOLUTION);
    boolean parentFromSameSweep = false;
    for (int sweep = 1; sweep <= 200 && !parentFromSameSweep; sweep++) {
      Set<Long> ids = new HashSet<>();
      state.members().forEach(m -> ids.add(m.id()));
      long sweepStart = state.individuals();
      for (int k = 0; k < P; k++) {
        state = search.advance(state, 1);
        Individual child = state.members().get(k);
        assertTrue(ids.contains(child.parentId()), "the parent was a member");
        parentFromSameSweep |= child.parentId() >= sweepStart;
        ids.add(child.id());
      }
    }
    assertTrue(parentFromSameSweep, "steady state: a child of this sweep became a parent");
  }

  @Test
  void nonAgingReplacesTheWorstFirstOnTies() {
    RegularizedEvolution search = search(SearchMethod.NON_AGING_EVOLUTION);
    PopulationState state = search.advance(PopulationState.start(0, 5), P);
    for (int k = 0; k < 300; k++) {
      int worst = Selection.worst(state.members());
      PopulationState next = search.advance(state, 1);
      for (int slot = 0; slot < P; slot++) {
        if (slot == worst) {
          assertEquals(state.individuals(), next.members().get(slot).born());
        } else {
          assertSame(state.members().get(slot), next.members().get(slot));
        }
      }
      state = next;
    }
  }

  @Test
  void randomSearchSamplesFreshRandomAlgorithmsInASlidingWindowAndCountsHits() {
    List<Double> fitnesses = new ArrayList<>();
    FitnessFunction recording = (algorithm, seed) -> {
      double f = Fixtures.syntheticFitness(algorithm, seed);
      fitnesses.add(f);
      return f;
    };
    InitialAlgorithms noOp = InitialAlgorithms.of(InitialAlgorithm.NO_OP_ALGORITHM, Fixtures.DEMO_SIZES,
        Fixtures.OPS, Fixtures.SPACE);
    double threshold = 0.2;
    RegularizedEvolution search = new RegularizedEvolution(
        new EvolutionParameters(SearchMethod.RANDOM_SEARCH, P, T, threshold), noOp, Fixtures.demoMutator(), recording);
    PopulationState state = search.advance(PopulationState.start(0, 6), 1003);

    assertEquals(1003, fitnesses.size());
    long hits = fitnesses.stream().filter(f -> f >= threshold).count();
    assertTrue(hits > 0 && hits < 1003, "the threshold splits the sample: " + hits);
    assertEquals(hits, state.hits());
    Set<Long> window = new HashSet<>();
    for (Individual member : state.members()) {
      assertEquals(-1, member.parentId());
      assertEquals("RANDOM", member.mutation());
      assertFalse(member.algorithm().equals(Algorithm.noOp(10, 2, 8)));
      window.add(member.born());
    }
    assertEquals(Set.of(993L, 994L, 995L, 996L, 997L, 998L, 999L, 1000L, 1001L, 1002L), window);
    assertEquals(fitnesses.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), state.best().fitness());
  }

  @Test
  void evolutionImprovesOnRandomSearch() {
    PopulationState evolved = search(SearchMethod.REGULARIZED_EVOLUTION).advance(PopulationState.start(0, 8), 3000);
    PopulationState sampled = search(SearchMethod.RANDOM_SEARCH).advance(PopulationState.start(0, 8), 3000);
    assertTrue(evolved.best().fitness() > sampled.best().fitness() + 0.1,
        evolved.best().fitness() + " vs " + sampled.best().fitness());
    assertTrue(evolved.stats().mean() > sampled.stats().mean());
  }

  @Test
  void bestIsTheFittestEverCreatedFirstOnTies() {
    FitnessFunction flat = (algorithm, seed) -> 0.25;
    PopulationState state = search(SearchMethod.REGULARIZED_EVOLUTION, flat).advance(PopulationState.start(2, 9), 57);
    assertEquals(0, state.best().born());
    assertEquals(0, state.hits());
  }

  @Test
  void newIndividualsRecordTheStatesEpoch() {
    RegularizedEvolution search = search(SearchMethod.REGULARIZED_EVOLUTION);
    PopulationState state = search.advance(PopulationState.start(0, 10), 15).withEpoch(4);
    state = search.advance(state, 3);
    assertEquals(List.of(0, 0, 0, 0, 0, 4, 4, 4, 0, 0),
        state.members().stream().map(Individual::bornEpoch).toList());
  }

  @Test
  void aFailedEvaluationLeavesTheGivenStateUsable() {
    PopulationState state = search(SearchMethod.REGULARIZED_EVOLUTION).advance(PopulationState.start(0, 11), 12);
    FitnessFunction nan = (algorithm, seed) -> Double.NaN;
    assertThrows(IllegalStateException.class, () -> search(SearchMethod.REGULARIZED_EVOLUTION, nan).advance(state, 1));
    PopulationState retried = search(SearchMethod.REGULARIZED_EVOLUTION).advance(state, 5);
    PopulationState straight = search(SearchMethod.REGULARIZED_EVOLUTION).advance(PopulationState.start(0, 11), 17);
    assertArrayEquals(PopulationStateCodec.encode(straight), PopulationStateCodec.encode(retried));
  }

  @Test
  void rejectsAStateLargerThanThePopulation() {
    PopulationState big = new RegularizedEvolution(EvolutionParameters.of(SearchMethod.REGULARIZED_EVOLUTION, 20, 3),
        Fixtures.randomInit(), Fixtures.demoMutator(), Fixtures::syntheticFitness).advance(PopulationState.start(0, 1), 20);
    assertThrows(IllegalArgumentException.class, () -> search(SearchMethod.REGULARIZED_EVOLUTION).advance(big, 1));
  }

  @ParameterizedTest
  @EnumSource(SearchMethod.class)
  void birthsSeeEveryIndividualOnceInCreationOrderWithoutChangingTheSearch(SearchMethod method) {
    List<Individual> births = new ArrayList<>();
    PopulationState recorded = new RegularizedEvolution(new EvolutionParameters(method, P, T, 0.5),
        Fixtures.randomInit(), Fixtures.demoMutator(), Fixtures::syntheticFitness, births::add)
        .advance(PopulationState.start(2, 5), 57);
    PopulationState plain = search(method).advance(PopulationState.start(2, 5), 57);
    assertArrayEquals(PopulationStateCodec.encode(plain), PopulationStateCodec.encode(recorded));
    assertEquals(57, births.size());
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < births.size(); i++) {
      Individual child = births.get(i);
      assertEquals(Individual.id(2, i), child.id());
      assertTrue(child.parentId() < child.id() && (child.parentId() == -1 || ids.contains(child.parentId())),
          "parent " + child.parentId() + " of " + child.id() + " was born before it");
      ids.add(child.id());
    }
    for (Individual member : recorded.members()) {
      assertTrue(births.contains(member), "member " + member.id() + " is among the births");
    }
  }
}
