package org.automlzero.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.automlzero.program.Algorithm;
import org.junit.jupiter.api.Test;

class EpochBirthsTest {
  private static final int P = 20;

  private static RegularizedEvolution search(java.util.function.Consumer<Individual> births) {
    return new RegularizedEvolution(new EvolutionParameters(SearchMethod.REGULARIZED_EVOLUTION, P, 5, 0.9),
        Fixtures.randomInit(), Fixtures.demoMutator(), Fixtures::syntheticFitness, births);
  }

  /** The ancestors of {@code alive} among {@code all}, by following parents naively. */
  private static Set<Long> naiveAncestry(List<Individual> all, List<Individual> alive) {
    Map<Long, Long> parents = new HashMap<>();
    for (Individual individual : all) {
      parents.put(individual.id(), individual.parentId());
    }
    Set<Long> ancestry = new HashSet<>();
    for (Individual member : alive) {
      long id = member.id();
      while (parents.containsKey(id) && ancestry.add(id)) {
        id = parents.get(id);
      }
    }
    return ancestry;
  }

  @Test
  void keepsExactlyTheStretchsAncestryOfTheLivingMembersInBirthOrder() {
    PopulationState first = search(child -> { }).advance(PopulationState.start(3, 11), 150);
    List<Individual> all = new ArrayList<>();
    EpochBirths births = new EpochBirths(3, first.individuals());
    PopulationState second = search(child -> {
      all.add(child);
      births.accept(child);
    }).advance(first, 400);
    assertEquals(400, births.count());

    List<EpochBirths.Birth> kept = births.ancestorsOf(second.members());
    Set<Long> expected = naiveAncestry(all, second.members());
    Set<Long> keptIds = new HashSet<>();
    long previous = -1;
    for (EpochBirths.Birth birth : kept) {
      assertTrue(birth.id() > previous, "birth order");
      previous = birth.id();
      keptIds.add(birth.id());
      Individual original = all.get((int) (birth.born() - first.individuals()));
      assertEquals(original.id(), birth.id());
      assertEquals(original.parentId(), birth.parentId());
      assertEquals(original.fitness(), birth.fitness());
      assertEquals(original.mutation(), birth.mutation());
    }
    assertEquals(expected, keptIds);
    // Members born in this stretch are kept; those born before are not births of it.
    for (Individual member : second.members()) {
      assertEquals(member.born() >= first.individuals(), keptIds.contains(member.id()), "member " + member.id());
    }
    // Most lines die out: far fewer rows than births.
    assertTrue(kept.size() < births.count() / 2, kept.size() + " of " + births.count());
    // Every kept individual's parent is kept too, or lived before the stretch (or is none).
    for (EpochBirths.Birth birth : kept) {
      assertTrue(birth.parentId() == -1 || keptIds.contains(birth.parentId())
          || (birth.parentId() & ((1L << Individual.NUMBER_BITS) - 1)) < first.individuals());
    }
  }

  @Test
  void keepsLineagesAcrossItsStorageBlocks() {
    // 40,000 births fill three blocks of storage; individual k's parent is k / 2, so the ancestry
    // of the last one runs back through all three.
    Algorithm algorithm = new Algorithm(List.of(), List.of(), List.of());
    int island = 2;
    long first = 5;
    int count = 40_000;
    EpochBirths births = new EpochBirths(island, first);
    for (int k = 0; k < count; k++) {
      long number = first + k;
      long parent = k == 0 ? -1 : Individual.id(island, first + k / 2);
      births.accept(new Individual(Individual.id(island, number), algorithm, k * 0.25, parent, "M" + k % 7, number, 0));
    }
    Individual last = new Individual(Individual.id(island, first + count - 1), algorithm, 0, -1, "x", first + count - 1, 0);
    List<EpochBirths.Birth> kept = births.ancestorsOf(List.of(last));
    List<Integer> expected = new ArrayList<>();
    for (int k = count - 1; ; k /= 2) {
      expected.add(0, k);
      if (k == 0) {
        break;
      }
    }
    assertEquals(expected.size(), kept.size());
    for (int i = 0; i < kept.size(); i++) {
      int k = expected.get(i);
      EpochBirths.Birth birth = kept.get(i);
      assertEquals(Individual.id(island, first + k), birth.id());
      assertEquals(first + k, birth.born());
      assertEquals(k * 0.25, birth.fitness());
      assertEquals(k == 0 ? -1 : Individual.id(island, first + k / 2), birth.parentId());
      assertEquals("M" + k % 7, birth.mutation());
    }
  }

  @Test
  void refusesBirthsOutOfOrder() {
    PopulationState state = search(child -> { }).advance(PopulationState.start(0, 1), 3);
    EpochBirths births = new EpochBirths(0, 1);
    assertThrows(IllegalArgumentException.class, () -> births.accept(state.members().get(0)));
  }
}
