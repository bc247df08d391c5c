package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.automlzero.random.Rng;
import org.automlzero.random.Seeds;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ProjectedBinaryTasksTest {
  private static final LabeledDataset DATA = TestDatasets.gaussianClasses(10, 200, 40, 21);
  private static final ProjectedBinarySpec SPEC = ProjectedBinarySpec.of(new DatasetSource.InMemory(DATA));

  private static ProjectedBinaryTasks.Data data(ClassPair pair, long seed, int f, boolean fullSize) {
    return ProjectedBinaryTasks.createData(DATA, pair, seed, f, 200, 100, 50, fullSize);
  }

  private static void assertStandardizedColumns(double[] x, int f) {
    int n = x.length / f;
    for (int j = 0; j < f; j++) {
      double sum = 0;
      double sq = 0;
      for (int i = 0; i < n; i++) {
        sum += x[i * f + j];
        sq += x[i * f + j] * x[i * f + j];
      }
      double mean = sum / n;
      assertEquals(0.0, mean, 1e-9, "mean of feature " + j);
      assertEquals(1.0, Math.sqrt(sq / n - mean * mean), 1e-9, "std of feature " + j);
    }
  }

  @Test
  void trainSplitIsStandardizedPerFeature() {
    ProjectedBinaryTasks.Data d = data(new ClassPair(1, 7), 3, 16, false);
    assertEquals(200 * 16, d.trainFeatures().length);
    assertStandardizedColumns(d.trainFeatures(), 16);
  }

  @Test
  void validAndTestUseTrainStatistics() {
    // Valid and test are not re-standardized: their own means are near, but not exactly, 0.
    ProjectedBinaryTasks.Data d = data(new ClassPair(1, 7), 3, 16, false);
    double sum = 0;
    for (int i = 0; i < 100; i++) {
      sum += d.validFeatures()[i * 16];
    }
    assertTrue(Math.abs(sum / 100) > 1e-9 && Math.abs(sum / 100) < 0.5, "valid mean " + sum / 100);
  }

  @Test
  void projectedFeaturesAreStandardizedXTimesR() {
    ClassPair pair = new ClassPair(2, 4);
    long seed = 6;
    ProjectedBinaryTasks.Data d = data(pair, seed, 8, false);
    // Recompute independently: same split rows, same R, naive product, naive standardization.
    int[][] parts = StratifiedSplit.split(DATA, pair, new int[] {200, 100, 50},
        new Rng(Seeds.derive(seed, ProjectedBinaryTasks.SPLIT_SALT)));
    DMatrixRMaj r = GaussianProjection.matrix(40, 8, new Rng(Seeds.derive(seed, ProjectedBinaryTasks.PROJECTION_SALT)));
    double[][] train = new double[200][8];
    for (int i = 0; i < 200; i++) {
      for (int k = 0; k < 8; k++) {
        for (int j = 0; j < 40; j++) {
          train[i][k] += DATA.feature(parts[0][i], j) * r.get(j, k);
        }
      }
    }
    for (int k = 0; k < 8; k++) {
      double mean = 0;
      for (double[] row : train) {
        mean += row[k] / 200;
      }
      double var = 0;
      for (double[] row : train) {
        var += (row[k] - mean) * (row[k] - mean) / 200;
      }
      for (int i = 0; i < 200; i++) {
        assertEquals((train[i][k] - mean) / Math.sqrt(var), d.trainFeatures()[i * 8 + k], 1e-9);
      }
    }
    for (int i = 0; i < 200; i++) {
      assertEquals(DATA.labels()[parts[0][i]] == 2 ? 1.0 : 0.0, d.trainLabels()[i]);
    }
  }

  @Test
  void splitsAreStratified() {
    ProjectedBinaryTasks.Data d = data(new ClassPair(0, 1), 1, 16, false);
    assertEquals(100, Arrays.stream(d.trainLabels()).sum());
    assertEquals(50, Arrays.stream(d.validLabels()).sum());
    assertEquals(25, Arrays.stream(d.testLabels()).sum());
  }

  @Test
  void sameSeedGivesSameDataAndOtherSeedsDiffer() {
    ProjectedBinaryTasks.Data a = data(new ClassPair(1, 7), 3, 16, false);
    ProjectedBinaryTasks.Data b = data(new ClassPair(1, 7), 3, 16, false);
    ProjectedBinaryTasks.Data c = data(new ClassPair(1, 7), 4, 16, false);
    assertArrayEquals(a.trainFeatures(), b.trainFeatures());
    assertArrayEquals(a.testLabels(), b.testLabels());
    assertFalse(Arrays.equals(a.trainFeatures(), c.trainFeatures()));
  }

  @Test
  void fullSizeKeepsEveryFeatureStandardized() {
    LabeledDataset images = TestDatasets.gaussianClasses(10, 30, 784, 5);
    ProjectedBinaryTasks.Data d = ProjectedBinaryTasks.createData(images, new ClassPair(3, 8), 2, 784, 40, 10, 0, true);
    assertEquals(40 * 784, d.trainFeatures().length);
    assertEquals(0, d.testFeatures().length);
    assertStandardizedColumns(d.trainFeatures(), 784);
  }

  @Test
  void fullSizeTasksOf784FeaturesGenerate() {
    LabeledDataset images = TestDatasets.gaussianClasses(10, 30, 784, 5);
    ProjectedBinarySpec pb = ProjectedBinarySpec.of(new DatasetSource.InMemory(images))
        .withPair(new ClassPair(3, 8)).withFullSize(true);
    List<Task> tasks = new TaskGenerator().generate(TaskSpec.projectedBinary(pb, 784, 40, 10, 2), 0);
    assertEquals(784, tasks.get(1).featuresSize());
    assertEquals(40 * 784, tasks.get(1).trainFeatures().length);
  }

  @Test
  void fullSizeWithOtherFeaturesSizeIsRejected() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> data(new ClassPair(1, 2), 0, 16, true)).getMessage();
    assertTrue(m.contains("featuresSize is 16") && m.contains("40 features"), m);
  }

  @Test
  void heldOutPairsAreNeverDrawn() {
    Set<ClassPair> drawn = new HashSet<>();
    for (long seed = 0; seed < 5000; seed++) {
      ProjectedBinaryTasks.Choice choice = ProjectedBinaryTasks.choose(SPEC, 10, seed);
      assertFalse(SPEC.isHeldOut(choice.pair()), "seed " + seed + " drew held-out " + choice.pair());
      assertTrue(choice.pair().positive() < choice.pair().negative());
      assertTrue(choice.datasetSeed() >= 0 && choice.datasetSeed() < 10);
      drawn.add(choice.pair());
    }
    assertEquals(36, drawn.size());
  }

  @Test
  void heldOutPairsMatchInEitherOrder() {
    ProjectedBinarySpec spec = SPEC.withHeldOutPairs(List.of(new ClassPair(1, 0), new ClassPair(2, 1)));
    List<ClassPair> pairs = ProjectedBinaryTasks.candidatePairs(spec, 3);
    assertEquals(List.of(new ClassPair(0, 2)), pairs);
  }

  @Test
  void pairsAreDrawnRoughlyUniformly() {
    int[] counts = new int[36];
    List<ClassPair> candidates = ProjectedBinaryTasks.candidatePairs(SPEC, 10);
    int trials = 36_000;
    for (long seed = 0; seed < trials; seed++) {
      counts[candidates.indexOf(ProjectedBinaryTasks.choose(SPEC, 10, seed).pair())]++;
    }
    for (int c : counts) {
      assertTrue(c > 800 && c < 1200, Arrays.toString(counts));
    }
  }

  @Test
  void fixedPairUsesDataSeedModuloSupportedRange() {
    ProjectedBinarySpec spec = SPEC.withPair(new ClassPair(0, 5)).withSupportedDataSeeds(100, 110);
    assertEquals(new ProjectedBinaryTasks.Choice(new ClassPair(0, 5), 103), ProjectedBinaryTasks.choose(spec, 10, 23));
  }

  @Test
  void everyPairHeldOutIsReported() {
    ProjectedBinarySpec spec = SPEC.withHeldOutPairs(List.of(new ClassPair(0, 1)));
    String m = assertThrows(IllegalArgumentException.class, () -> ProjectedBinaryTasks.choose(spec, 2, 1)).getMessage();
    assertTrue(m.contains("every pair"), m);
  }
}
