package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.automlzero.random.ReferenceRngData;
import org.automlzero.random.ReferenceRngData.Section;
import org.junit.jupiter.api.Test;

/**
 * The synthetic regression tasks against the reference's own, as the probe {@code bench/absl-probe}
 * builds them with std::mt19937, absl::Gaussian and Eigen: teachers, features and labels equal to
 * the bit (every value through a hash, some printed in full).
 */
class ReferenceTasksTest {
  @Test
  void regressionTasksAreTheReferencesToTheBit() {
    List<Section> sections = ReferenceRngData.sections("reference-tasks.txt", "task");
    assertEquals(7, sections.size());
    for (Section section : sections) {
      boolean neural = section.get("kind").equals("nn");
      int f = Integer.parseInt(section.get("F"));
      long paramSeed = section.getLong("param");
      long dataSeed = section.getLong("data");
      int numTrain = Integer.parseInt(section.get("train"));
      int numValid = Integer.parseInt(section.get("valid"));
      TaskSpec spec = (neural ? TaskSpec.neuralNetRegression(f, numTrain, numValid, 1)
          : TaskSpec.linearRegression(f, numTrain, numValid, 1)).withSeeds(List.of(dataSeed), List.of(paramSeed));
      Task task = new TaskGenerator().generate(spec, 0).get(0);
      String name = section.get("kind") + " F=" + f + " param " + paramSeed + " data " + dataSeed;

      double[] teacher = neural ? concat(RegressionTasks.neuralNetWeights(paramSeed, f))
          : RegressionTasks.linearWeights(paramSeed, f);
      assertBitsEqual(section.line("weights"), teacher, 0, name + " teacher");
      for (int e = 0; e < 3; e++) {
        String[] row = section.line("train " + e);
        assertBitsEqual(row, task.trainFeatures(), e * f, name + " train features " + e, f);
        assertBitEqual(row[f], task.trainLabels()[e], name + " train label " + e);
      }
      String[] last = section.line("valid " + (numValid - 1));
      assertBitsEqual(last, task.validFeatures(), (numValid - 1) * f, name + " last valid features", f);
      assertBitEqual(last[f], task.validLabels()[numValid - 1], name + " last valid label");

      ReferenceRngData.Fnv features = new ReferenceRngData.Fnv();
      ReferenceRngData.Fnv labels = new ReferenceRngData.Fnv();
      for (double x : task.trainFeatures()) {
        features.add(x);
      }
      for (double x : task.validFeatures()) {
        features.add(x);
      }
      for (double y : task.trainLabels()) {
        labels.add(y);
      }
      for (double y : task.validLabels()) {
        labels.add(y);
      }
      assertEquals(section.get("features_fnv"), features.hex(), name + " features");
      assertEquals(section.get("labels_fnv"), labels.hex(), name + " labels");
    }
  }

  private static double[] concat(double[][] parts) {
    double[] out = new double[parts[0].length + parts[1].length];
    System.arraycopy(parts[0], 0, out, 0, parts[0].length);
    System.arraycopy(parts[1], 0, out, parts[0].length, parts[1].length);
    return out;
  }

  private static void assertBitsEqual(String[] expected, double[] actual, int offset, String what) {
    assertEquals(expected.length, actual.length - offset, what + " length");
    assertBitsEqual(expected, actual, offset, what, expected.length);
  }

  /** The first {@code n} of {@code expected} against {@code actual[offset ..]}. */
  private static void assertBitsEqual(String[] expected, double[] actual, int offset, String what, int n) {
    for (int j = 0; j < n; j++) {
      assertBitEqual(expected[j], actual[offset + j], what + " [" + j + "]");
    }
  }

  private static void assertBitEqual(String expected, double actual, String what) {
    double e = Double.parseDouble(expected);
    assertEquals(Double.doubleToRawLongBits(e), Double.doubleToRawLongBits(actual),
        what + ": expected " + Double.toHexString(e) + " got " + Double.toHexString(actual));
  }
}
