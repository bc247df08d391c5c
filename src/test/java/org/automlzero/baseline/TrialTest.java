package org.automlzero.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrialTest {
  private static Trial trial(BaselineModel model, int index, double fitness) {
    return new Trial(model, index, new HyperParameters(0.01 * (index + 1), 0.1, 0.1), fitness);
  }

  @Test
  void bestIsTheHighestSelectFitnessOfItsModel() {
    List<Trial> trials = List.of(trial(BaselineModel.LINEAR_MODEL, 0, 0.8), trial(BaselineModel.LINEAR_MODEL, 1, 0.9),
        trial(BaselineModel.NEURAL_NET, 0, 0.95), trial(BaselineModel.NEURAL_NET, 1, 0.7));
    assertEquals(1, Trial.best(trials, BaselineModel.LINEAR_MODEL).index());
    assertEquals(0, Trial.best(trials, BaselineModel.NEURAL_NET).index());
  }

  @Test
  void tiesGoToTheLowerIndexWhateverTheOrder() {
    List<Trial> trials = List.of(trial(BaselineModel.NEURAL_NET, 3, 0.9), trial(BaselineModel.NEURAL_NET, 0, 0.9),
        trial(BaselineModel.NEURAL_NET, 2, 0.9));
    assertEquals(0, Trial.best(trials, BaselineModel.NEURAL_NET).index());
  }

  @Test
  void noTrialOfTheModelIsAnError() {
    assertThrows(IllegalArgumentException.class,
        () -> Trial.best(List.of(trial(BaselineModel.NEURAL_NET, 0, 0.9)), BaselineModel.LINEAR_MODEL));
  }

  @Test
  void namesShowTheValues() {
    assertEquals("neural_net(0.03621, 0.1809, 0.1452)",
        new Trial(BaselineModel.NEURAL_NET, 0, new HyperParameters(0.036210, 0.180920, 0.145231), 0).name());
    assertEquals("linear_model(0.01000)",
        new Trial(BaselineModel.LINEAR_MODEL, 0, BaselineModel.LINEAR_MODEL.defaults(), 0).name());
  }
}
