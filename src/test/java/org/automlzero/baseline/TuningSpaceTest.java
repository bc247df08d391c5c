package org.automlzero.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TuningSpaceTest {
  private static final TuningSpace SPACE = new TuningSpace(2001, 1e-4, 1.0, 1e-3, 1.0);

  @Test
  void firstCandidateIsTheReferencesValues() {
    assertEquals(new HyperParameters(0.01, 0.1, 0.1), SPACE.candidates(BaselineModel.NEURAL_NET, 5).get(0));
    assertEquals(new HyperParameters(0.01, 0, 0), SPACE.candidates(BaselineModel.LINEAR_MODEL, 5).get(0));
    assertEquals(List.of(BaselineModel.NEURAL_NET.defaults()),
        TuningSpace.untuned().candidates(BaselineModel.NEURAL_NET, 5));
  }

  @Test
  void candidatesStayInTheirRangesAndAreLogUniform() {
    List<HyperParameters> candidates = SPACE.candidates(BaselineModel.NEURAL_NET, 11);
    assertEquals(2001, candidates.size());
    double[] logLr = new double[2000];
    double[] logScale = new double[2000];
    for (int i = 1; i < candidates.size(); i++) {
      HyperParameters p = candidates.get(i);
      assertTrue(p.learningRate() >= 1e-4 && p.learningRate() <= 1.0, p.toString());
      assertTrue(p.firstInitScale() >= 1e-3 && p.firstInitScale() <= 1.0, p.toString());
      assertTrue(p.finalInitScale() >= 1e-3 && p.finalInitScale() <= 1.0, p.toString());
      logLr[i - 1] = Math.log10(p.learningRate());
      logScale[i - 1] = Math.log10(p.firstInitScale());
    }
    // Log-uniform: each decade gets a quarter (learning rate) or a third (scale) of the draws; the
    // standard error of a share of 2000 draws is about 0.01.
    for (int decade = -4; decade < 0; decade++) {
      assertEquals(0.25, share(logLr, decade, decade + 1), 0.04, "learning rates in decade " + decade);
    }
    for (int decade = -3; decade < 0; decade++) {
      assertEquals(1.0 / 3, share(logScale, decade, decade + 1), 0.045, "scales in decade " + decade);
    }
  }

  private static double share(double[] values, double lo, double hi) {
    return Arrays.stream(values).filter(v -> v >= lo && v < hi).count() / (double) values.length;
  }

  @Test
  void sameSeedGivesSameCandidatesAndMoreTrialsExtendFewer() {
    TuningSpace few = new TuningSpace(5, 1e-4, 1.0, 1e-3, 1.0);
    List<HyperParameters> a = few.candidates(BaselineModel.NEURAL_NET, 3);
    assertEquals(a, few.candidates(BaselineModel.NEURAL_NET, 3));
    assertEquals(a, SPACE.candidates(BaselineModel.NEURAL_NET, 3).subList(0, 5));
    assertNotEquals(a, few.candidates(BaselineModel.NEURAL_NET, 4));
    // The two models draw from their own streams.
    assertNotEquals(a.get(1).learningRate(), few.candidates(BaselineModel.LINEAR_MODEL, 3).get(1).learningRate());
  }

  @Test
  void linearCandidatesHaveNoInitScales() {
    for (HyperParameters p : SPACE.candidates(BaselineModel.LINEAR_MODEL, 2)) {
      assertEquals(0, p.firstInitScale());
      assertEquals(0, p.finalInitScale());
    }
  }

  @Test
  void degenerateRangeGivesItsOneValue() {
    TuningSpace fixed = new TuningSpace(4, 0.05, 0.05, 0.2, 0.2);
    for (HyperParameters p : fixed.candidates(BaselineModel.NEURAL_NET, 1).subList(1, 4)) {
      assertEquals(new HyperParameters(0.05, 0.2, 0.2), p);
    }
  }

  @Test
  void badRangesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new TuningSpace(3, 0, 1, 0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> new TuningSpace(3, 0.1, 0.01, 0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> new TuningSpace(-1, 0.1, 1, 0.1, 1));
  }
}
