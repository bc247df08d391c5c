package org.automlzero.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PopulationStateTest {
  @Test
  void startsEmptyWithADerivedGenerator() {
    PopulationState state = PopulationState.start(7, 123);
    assertEquals(List.of(), state.members());
    assertEquals(0, state.individuals());
    assertNotEquals(123, state.rngState());
    assertNotEquals(state.evaluationSeed(0), state.evaluationSeed(1));
    assertNotEquals(state.evaluationSeed(0), PopulationState.start(7, 124).evaluationSeed(0));
  }

  @Test
  void oldestFirstRotatesFromTheSweepPosition() {
    List<Individual> members = SelectionTest.population(0.1, 0.2, 0.3, 0.4);
    PopulationState state = new PopulationState(0, 1, 2, 0, members, 2, 10, 0, members.get(0));
    assertEquals(List.of(members.get(2), members.get(3), members.get(0), members.get(1)), state.oldestFirst());
  }

  @Test
  void withMemberReplacesOneSlotForMigration() {
    List<Individual> members = SelectionTest.population(0.1, 0.2, 0.3);
    PopulationState state = new PopulationState(0, 1, 2, 0, members, 0, 3, 0, members.get(2));
    Individual migrant = new Individual(Individual.id(9, 4), members.get(0).algorithm(), 0.9, -1, "INIT", 4, 0);
    PopulationState migrated = state.withMember(1, migrant);
    assertSame(migrant, migrated.members().get(1));
    assertEquals(9, Individual.island(migrated.members().get(1).id()));
    assertEquals(state.individuals(), migrated.individuals());
  }

  @Test
  void rejectsInconsistentStates() {
    List<Individual> members = SelectionTest.population(0.1, 0.2);
    assertThrows(IllegalArgumentException.class, () -> new PopulationState(0, 1, 2, 0, members, 2, 2, 0, members.get(0)));
    assertThrows(IllegalArgumentException.class, () -> new PopulationState(0, 1, 2, 0, members, 0, 1, 0, members.get(0)));
    assertThrows(IllegalArgumentException.class, () -> new PopulationState(0, 1, 2, 0, members, 0, 2, 3, members.get(0)));
    assertThrows(IllegalArgumentException.class, () -> new PopulationState(0, 1, 2, 0, members, 0, 2, 0, null));
    assertThrows(IllegalArgumentException.class, () -> Individual.id(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> Individual.id(0, 1L << Individual.NUMBER_BITS));
  }
}
