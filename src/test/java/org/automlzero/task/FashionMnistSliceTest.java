package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.automlzero.random.Rng;
import org.automlzero.random.Seeds;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The task pipeline on real images: the slice of Fashion-MNIST in
 * {@code src/test/resources/fashion-mnist-slice/} (the first 200, 200 and 100 training images of
 * classes 0 'T-shirt/top', 1 'Trouser' and 9 'Ankle boot'; its README says how it was cut). Splits of
 * 150/25/25 stand in for the paper's 8000/1000/1000.
 */
class FashionMnistSliceTest {
  private static final Path IMAGES = resource("train-images-idx3-ubyte.gz");
  private static final Path LABELS = resource("train-labels-idx1-ubyte.gz");
  private static final LabeledDataset SLICE = read();

  private static final ClassPair TSHIRT_TROUSER = new ClassPair(0, 1);
  private static final ClassPair TROUSER_BOOT = new ClassPair(1, 9);
  private static final ClassPair TSHIRT_BOOT = new ClassPair(0, 9);
  private static final int TRAIN = 150;
  private static final int VALID = 25;
  private static final int TEST = 25;
  private static final int PIXELS = 28 * 28;

  private static Path resource(String name) {
    try {
      return Path.of(FashionMnistSliceTest.class.getResource("/fashion-mnist-slice/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LabeledDataset read() {
    try {
      return IdxReader.read(IMAGES, LABELS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProjectedBinaryTasks.Data data(ClassPair pair, long seed, int f, boolean fullSize) {
    return ProjectedBinaryTasks.createData(SLICE, pair, seed, f, TRAIN, VALID, TEST, fullSize);
  }

  private static int[][] splitRows(ClassPair pair, long seed) {
    return StratifiedSplit.split(SLICE, pair, new int[] {TRAIN, VALID, TEST},
        new Rng(Seeds.derive(seed, ProjectedBinaryTasks.SPLIT_SALT)));
  }

  private static double columnMean(double[] x, int f, int j) {
    int n = x.length / f;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += x[i * f + j];
    }
    return sum / n;
  }

  private static double columnStd(double[] x, int f, int j) {
    int n = x.length / f;
    double mean = columnMean(x, f, j);
    double sq = 0;
    for (int i = 0; i < n; i++) {
      double c = x[i * f + j] - mean;
      sq += c * c;
    }
    return Math.sqrt(sq / n);
  }

  @Test
  void readerReadsTheSliceWithItsCountsLabelsAndPixels() {
    assertEquals(500, SLICE.size());
    assertEquals(PIXELS, SLICE.featuresSize());
    assertEquals(10, SLICE.numClasses());
    assertEquals(200, SLICE.count(0));
    assertEquals(200, SLICE.count(1));
    assertEquals(100, SLICE.count(9));
    // Training-file order: indices 0..7 of Fashion-MNIST's train labels.
    assertArrayEquals(new int[] {9, 0, 0, 0, 0, 9, 9, 1}, Arrays.copyOf(SLICE.labels(), 8));
    // Image 0 (an ankle boot), checked against the bytes with another tool: pixel sum, brightest
    // pixel, and how many pixels are above 127 (which a signed-byte bug would turn negative).
    double sum = 0;
    double max = 0;
    int bright = 0;
    for (int j = 0; j < PIXELS; j++) {
      double p = SLICE.feature(0, j);
      sum += p;
      max = Math.max(max, p);
      bright += p > 127 ? 1 : 0;
    }
    assertEquals(76247, sum);
    assertEquals(255, max);
    assertEquals(343, bright);
    assertEquals(27584955, Arrays.stream(SLICE.features()).sum());
    for (double p : SLICE.features()) {
      assertTrue(p >= 0 && p <= 255 && p == Math.rint(p), "pixel " + p);
    }
  }

  @Test
  void readerKeepsTheFirstExamplesOfEachClassInFileOrder() throws IOException {
    LabeledDataset capped = IdxReader.read(IMAGES, LABELS, 50);
    assertEquals(150, capped.size());
    int[] seen = new int[10];
    int row = 0;
    for (int i = 0; i < SLICE.size(); i++) {
      int c = SLICE.labels()[i];
      if (seen[c]++ < 50) {
        assertEquals(c, capped.labels()[row]);
        assertArrayEquals(Arrays.copyOfRange(SLICE.features(), i * PIXELS, (i + 1) * PIXELS),
            Arrays.copyOfRange(capped.features(), row * PIXELS, (row + 1) * PIXELS), "row " + row);
        row++;
      }
    }
    assertEquals(150, row);
  }

  @Test
  void sliceIsTheFirstExamplesPerClassOfTheFullTrainingFiles() throws IOException {
    // Needs scripts/fetch-data.sh to have run (Maven runs tests from the project folder).
    Path full = Path.of("data", "fashion-mnist");
    Path images = full.resolve("train-images-idx3-ubyte.gz");
    Path labels = full.resolve("train-labels-idx1-ubyte.gz");
    assumeTrue(Files.exists(images) && Files.exists(labels), "no " + full + "; run scripts/fetch-data.sh");
    LabeledDataset first200 = IdxReader.read(images, labels, 200);
    int[] quota = new int[10];
    quota[0] = 200;
    quota[1] = 200;
    quota[9] = 100;
    int row = 0;
    for (int i = 0; i < first200.size(); i++) {
      int c = first200.labels()[i];
      if (quota[c]-- > 0) {
        assertEquals(c, SLICE.labels()[row]);
        assertArrayEquals(Arrays.copyOfRange(first200.features(), i * PIXELS, (i + 1) * PIXELS),
            Arrays.copyOfRange(SLICE.features(), row * PIXELS, (row + 1) * PIXELS), "slice row " + row);
        row++;
      }
    }
    assertEquals(SLICE.size(), row);
  }

  @Test
  void splitsHaveTheRequestedSizesAndAreDisjoint() {
    for (ClassPair pair : List.of(TSHIRT_TROUSER, TROUSER_BOOT)) {
      for (long seed = 0; seed < 10; seed++) {
        int[][] parts = splitRows(pair, seed);
        assertEquals(TRAIN, parts[0].length);
        assertEquals(VALID, parts[1].length);
        assertEquals(TEST, parts[2].length);
        Set<Integer> rows = new HashSet<>();
        for (int[] part : parts) {
          for (int r : part) {
            assertTrue(rows.add(r), "row " + r + " is in two splits of " + pair + ", seed " + seed);
            int c = SLICE.labels()[r];
            assertTrue(c == pair.positive() || c == pair.negative(), "row " + r + " has class " + c);
          }
        }
        assertEquals(TRAIN + VALID + TEST, rows.size());
      }
    }
  }

  @Test
  void splitsKeepThePairsClassProportions() {
    // (0, 1) has 200 + 200 examples: half positive. (1, 9) has 200 + 100: two thirds positive.
    for (ClassPair pair : List.of(TSHIRT_TROUSER, TROUSER_BOOT)) {
      double share = (double) SLICE.count(pair.positive())
          / (SLICE.count(pair.positive()) + SLICE.count(pair.negative()));
      ProjectedBinaryTasks.Data d = data(pair, 4, 16, false);
      for (double[] labels : List.of(d.trainLabels(), d.validLabels(), d.testLabels())) {
        double positives = Arrays.stream(labels).sum();
        assertTrue(Math.abs(positives - share * labels.length) <= 1,
            pair + ": " + positives + " positives of " + labels.length + ", share " + share);
      }
      assertEquals(Math.round(share * TRAIN), Arrays.stream(d.trainLabels()).sum());
    }
  }

  @Test
  void labelsArePositiveOneAndNegativeZero() {
    int[][] parts = splitRows(TROUSER_BOOT, 2);
    ProjectedBinaryTasks.Data d = data(TROUSER_BOOT, 2, 16, false);
    double[][] labels = {d.trainLabels(), d.validLabels(), d.testLabels()};
    for (int s = 0; s < 3; s++) {
      for (int i = 0; i < parts[s].length; i++) {
        assertEquals(SLICE.labels()[parts[s][i]] == 1 ? 1.0 : 0.0, labels[s][i]);
      }
    }
  }

  @Test
  void projectionToSixteenFeaturesStandardizesTheTrainSplit() {
    ProjectedBinaryTasks.Data d = data(TSHIRT_TROUSER, 3, 16, false);
    assertEquals(16, d.featuresSize());
    assertEquals(TRAIN * 16, d.trainFeatures().length);
    assertEquals(VALID * 16, d.validFeatures().length);
    assertEquals(TEST * 16, d.testFeatures().length);
    for (int j = 0; j < 16; j++) {
      assertEquals(0.0, columnMean(d.trainFeatures(), 16, j), 1e-9, "train mean of feature " + j);
      assertEquals(1.0, columnStd(d.trainFeatures(), 16, j), 1e-9, "train std of feature " + j);
    }
  }

  @Test
  void validAndTestAreStandardizedWithTheTrainStatistics() {
    long seed = 3;
    ProjectedBinaryTasks.Data d = data(TSHIRT_TROUSER, seed, 16, false);
    // Recompute from the raw pixels: the same rows and R, a naive product, the train's mean and std.
    int[][] parts = splitRows(TSHIRT_TROUSER, seed);
    DMatrixRMaj r = GaussianProjection.matrix(PIXELS, 16,
        new Rng(Seeds.derive(seed, ProjectedBinaryTasks.PROJECTION_SALT)));
    double[][] raw = new double[3][];
    for (int s = 0; s < 3; s++) {
      raw[s] = new double[parts[s].length * 16];
      for (int i = 0; i < parts[s].length; i++) {
        for (int k = 0; k < 16; k++) {
          double v = 0;
          for (int j = 0; j < PIXELS; j++) {
            v += SLICE.feature(parts[s][i], j) * r.get(j, k);
          }
          raw[s][i * 16 + k] = v;
        }
      }
    }
    double[][] got = {d.trainFeatures(), d.validFeatures(), d.testFeatures()};
    boolean someSplitMeanOff = false;
    for (int k = 0; k < 16; k++) {
      double mean = columnMean(raw[0], 16, k);
      double std = columnStd(raw[0], 16, k);
      for (int s = 0; s < 3; s++) {
        for (int i = 0; i < raw[s].length / 16; i++) {
          double want = (raw[s][i * 16 + k] - mean) / std;
          assertEquals(want, got[s][i * 16 + k], 1e-9 * Math.max(1, Math.abs(want)), "split " + s + " row " + i);
        }
      }
      // Valid and test were not re-standardized on their own: their means are not exactly 0.
      someSplitMeanOff |= Math.abs(columnMean(d.validFeatures(), 16, k)) > 1e-6;
    }
    assertTrue(someSplitMeanOff);
  }

  @Test
  void projectedTShirtVersusTrouserIsEasyForANearestMeanClassifier() {
    // A sanity check that real structure survives projection and standardization: the paper's
    // linear baseline reaches about 98% on such pairs; class means alone should pass 90%.
    ProjectedBinaryTasks.Data d = data(TSHIRT_TROUSER, 1, 16, false);
    double[][] centroid = new double[2][16];
    int[] n = new int[2];
    for (int i = 0; i < TRAIN; i++) {
      int c = (int) d.trainLabels()[i];
      n[c]++;
      for (int k = 0; k < 16; k++) {
        centroid[c][k] += d.trainFeatures()[i * 16 + k];
      }
    }
    int correct = 0;
    for (int i = 0; i < VALID + TEST; i++) {
      double[] x = i < VALID ? d.validFeatures() : d.testFeatures();
      double label = i < VALID ? d.validLabels()[i] : d.testLabels()[i - VALID];
      int row = i < VALID ? i : i - VALID;
      double[] dist = new double[2];
      for (int c = 0; c < 2; c++) {
        for (int k = 0; k < 16; k++) {
          double diff = x[row * 16 + k] - centroid[c][k] / n[c];
          dist[c] += diff * diff;
        }
      }
      correct += (dist[1] < dist[0] ? 1.0 : 0.0) == label ? 1 : 0;
    }
    assertTrue(correct >= 0.9 * (VALID + TEST), correct + " of " + (VALID + TEST));
  }

  @Test
  void fullSizeTasksKeepAll784PixelsStandardized() {
    ProjectedBinaryTasks.Data d = data(TSHIRT_TROUSER, 5, PIXELS, true);
    assertEquals(TRAIN * PIXELS, d.trainFeatures().length);
    assertEquals(TEST * PIXELS, d.testFeatures().length);
    int constant = 0;
    for (int j = 0; j < PIXELS; j++) {
      double std = columnStd(d.trainFeatures(), PIXELS, j);
      assertEquals(0.0, columnMean(d.trainFeatures(), PIXELS, j), 1e-9, "train mean of pixel " + j);
      if (std == 0) {
        // A pixel that is the same in every train image (a blank corner) becomes 0, not NaN.
        constant++;
      } else {
        assertEquals(1.0, std, 1e-9, "train std of pixel " + j);
      }
    }
    assertTrue(constant < PIXELS / 4, constant + " constant pixels");
    for (double v : d.validFeatures()) {
      assertTrue(Double.isFinite(v));
    }
  }

  @Test
  void fullSizeTasksGenerateFromTheIdxFiles() {
    ProjectedBinarySpec pb = ProjectedBinarySpec.of(new DatasetSource.Idx(IMAGES.toString(), LABELS.toString()))
        .withPair(TSHIRT_TROUSER).withFullSize(true).withNumTestExamples(TEST);
    List<Task> tasks = new TaskGenerator().generate(TaskSpec.projectedBinary(pb, PIXELS, TRAIN, VALID, 2), 0);
    assertEquals(2, tasks.size());
    for (Task task : tasks) {
      assertEquals(PIXELS, task.featuresSize());
      assertEquals(TRAIN, task.numTrain());
      assertEquals(VALID, task.numValid());
      assertEquals(TRAIN * PIXELS, task.trainFeatures().length);
    }
  }

  @Test
  void sameSeedGivesIdenticalArrays() {
    for (boolean fullSize : new boolean[] {false, true}) {
      int f = fullSize ? PIXELS : 16;
      ProjectedBinaryTasks.Data a = data(TROUSER_BOOT, 7, f, fullSize);
      ProjectedBinaryTasks.Data b = ProjectedBinaryTasks.createData(read(), TROUSER_BOOT, 7, f,
          TRAIN, VALID, TEST, fullSize);
      assertArrayEquals(a.trainFeatures(), b.trainFeatures());
      assertArrayEquals(a.trainLabels(), b.trainLabels());
      assertArrayEquals(a.validFeatures(), b.validFeatures());
      assertArrayEquals(a.validLabels(), b.validLabels());
      assertArrayEquals(a.testFeatures(), b.testFeatures());
      assertArrayEquals(a.testLabels(), b.testLabels());
    }
    // Through the generator, from the files, with two generators (no shared cache).
    ProjectedBinarySpec pb = ProjectedBinarySpec.of(new DatasetSource.Idx(IMAGES.toString(), LABELS.toString()))
        .withPair(TSHIRT_TROUSER);
    TaskSpec spec = TaskSpec.projectedBinary(pb, 16, TRAIN, VALID, 3).withNumTrainEpochs(2);
    List<Task> first = new TaskGenerator().generate(spec, 0);
    List<Task> second = new TaskGenerator().generate(spec, 0);
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(first.get(i).trainFeatures(), second.get(i).trainFeatures());
      assertArrayEquals(first.get(i).validLabels(), second.get(i).validLabels());
      assertArrayEquals(first.get(i).epochs(), second.get(i).epochs());
    }
  }

  @Test
  void otherSeedGivesOtherSplitsAndProjection() {
    ProjectedBinaryTasks.Data a = data(TSHIRT_TROUSER, 7, 16, false);
    ProjectedBinaryTasks.Data b = data(TSHIRT_TROUSER, 8, 16, false);
    assertFalse(Arrays.equals(a.trainFeatures(), b.trainFeatures()));
    assertFalse(Arrays.equals(a.validFeatures(), b.validFeatures()));
    Set<Integer> trainA = new HashSet<>();
    for (int r : splitRows(TSHIRT_TROUSER, 7)[0]) {
      trainA.add(r);
    }
    Set<Integer> trainB = new HashSet<>();
    for (int r : splitRows(TSHIRT_TROUSER, 8)[0]) {
      trainB.add(r);
    }
    assertNotEquals(trainA, trainB);
    // Full size has no projection, but the split still moves with the seed.
    assertFalse(Arrays.equals(data(TSHIRT_TROUSER, 7, PIXELS, true).trainFeatures(),
        data(TSHIRT_TROUSER, 8, PIXELS, true).trainFeatures()));
  }

  @Test
  void heldOutPairNeverReachesSearchTasks() {
    // The paper's nine held-out pairs, among them (0, 9); the slice lacks classes 2..8, so their
    // pairs are held out too, leaving (0, 1) and (1, 9) to draw from.
    List<ClassPair> heldOut = new ArrayList<>(ProjectedBinarySpec.DEFAULT_HELD_OUT_PAIRS);
    for (int i = 0; i < 10; i++) {
      for (int j = i + 1; j < 10; j++) {
        boolean present = (i == 0 || i == 1 || i == 9) && (j == 0 || j == 1 || j == 9);
        if (!present) {
          heldOut.add(new ClassPair(i, j));
        }
      }
    }
    ProjectedBinarySpec pb = ProjectedBinarySpec.of(new DatasetSource.Idx(IMAGES.toString(), LABELS.toString()))
        .withHeldOutPairs(heldOut);
    assertTrue(pb.isHeldOut(TSHIRT_BOOT));
    assertEquals(List.of(TSHIRT_TROUSER, TROUSER_BOOT), ProjectedBinaryTasks.candidatePairs(pb, 10));

    int numTasks = 200;
    TaskSpec spec = TaskSpec.projectedBinary(pb, 16, TRAIN, VALID, numTasks);
    List<Task> tasks = new TaskGenerator().generate(spec, 0);
    Map<ClassPair, Integer> drawn = new HashMap<>();
    for (int i = 0; i < numTasks; i++) {
      ProjectedBinaryTasks.Choice choice = ProjectedBinaryTasks.choose(pb, SLICE.numClasses(), spec.dataSeed(i));
      assertFalse(pb.isHeldOut(choice.pair()), "task " + i + " drew held-out " + choice.pair());
      drawn.merge(choice.pair(), 1, Integer::sum);
      // The task's data is that of the drawn pair, not of any other.
      ProjectedBinaryTasks.Data expected = data(choice.pair(), choice.datasetSeed(), 16, false);
      assertArrayEquals(expected.trainFeatures(), tasks.get(i).trainFeatures(), "task " + i);
      assertArrayEquals(expected.trainLabels(), tasks.get(i).trainLabels(), "task " + i);
    }
    assertEquals(Set.of(TSHIRT_TROUSER, TROUSER_BOOT), drawn.keySet(), "both searchable pairs drawn: " + drawn);
    // No search task holds the held-out pair's data, for any supported dataset seed.
    for (long seed = ProjectedBinarySpec.DEFAULT_MIN_SUPPORTED_DATA_SEED;
        seed < ProjectedBinarySpec.DEFAULT_MAX_SUPPORTED_DATA_SEED; seed++) {
      double[] heldOutTrain = data(TSHIRT_BOOT, seed, 16, false).trainFeatures();
      for (Task task : tasks) {
        assertFalse(Arrays.equals(heldOutTrain, task.trainFeatures()), "a task holds (0, 9) data, seed " + seed);
      }
    }
    // Many more seeds than tasks: the draw alone never gives a held-out pair.
    for (long seed = 0; seed < 20_000; seed++) {
      assertFalse(pb.isHeldOut(ProjectedBinaryTasks.choose(pb, SLICE.numClasses(), seed).pair()), "seed " + seed);
    }
  }

  @Test
  void heldOutPairServesFinalEvaluationWhenNamed() {
    ProjectedBinarySpec pb = ProjectedBinarySpec.of(new DatasetSource.InMemory(SLICE))
        .withPair(TSHIRT_BOOT).withNumTestExamples(TEST);
    assertTrue(pb.isHeldOut(TSHIRT_BOOT));
    TaskSpec spec = TaskSpec.projectedBinary(pb, 16, TRAIN, VALID, 1);
    Task task = new TaskGenerator().generate(spec, 0).get(0);
    ProjectedBinaryTasks.Choice choice = ProjectedBinaryTasks.choose(pb, SLICE.numClasses(), spec.dataSeed(0));
    assertEquals(TSHIRT_BOOT, choice.pair());
    assertArrayEquals(data(TSHIRT_BOOT, choice.datasetSeed(), 16, false).trainFeatures(), task.trainFeatures());
  }

  @Test
  void finalTasksDrawOnlyTheHeldOutPairs() {
    // The slice holds one of the paper's nine held-out pairs, (0, 9); drawing from the held-out
    // pairs must give it and nothing else, and the searchable pairs (0, 1), (1, 9) never.
    ProjectedBinarySpec pb = ProjectedBinarySpec.of(new DatasetSource.InMemory(SLICE)).withDrawFromHeldOut(true)
        .withSupportedDataSeeds(0, 100);
    assertEquals(List.of(TSHIRT_BOOT), ProjectedBinaryTasks.candidatePairs(pb, 10).stream()
        .filter(p -> SLICE.count(p.positive()) > 0 && SLICE.count(p.negative()) > 0).toList());
    for (ClassPair pair : ProjectedBinaryTasks.candidatePairs(pb, 10)) {
      assertTrue(pb.isHeldOut(pair), pair + " is not held out");
    }
    assertEquals(9, ProjectedBinaryTasks.candidatePairs(pb, 10).size());
    // Held out of both lists: the 36 searchable pairs and the nine held-out ones partition the 45.
    assertEquals(36, ProjectedBinaryTasks.candidatePairs(pb.withDrawFromHeldOut(false), 10).size());
    // With the pairs the slice lacks removed from the held-out list, every task is (0, 9).
    ProjectedBinarySpec onlyPresent = pb.withHeldOutPairs(List.of(TSHIRT_BOOT));
    TaskSpec spec = TaskSpec.projectedBinary(onlyPresent, 16, TRAIN, VALID, 20);
    List<Task> tasks = new TaskGenerator().generate(spec, 0);
    for (int i = 0; i < tasks.size(); i++) {
      ProjectedBinaryTasks.Choice choice = ProjectedBinaryTasks.choose(onlyPresent, 10, spec.dataSeed(i));
      assertEquals(TSHIRT_BOOT, choice.pair());
      assertArrayEquals(data(TSHIRT_BOOT, choice.datasetSeed(), 16, false).trainFeatures(),
          tasks.get(i).trainFeatures());
    }
  }

  @Test
  void evaluateOnTestScoresTheTestSplit() {
    ProjectedBinarySpec pb = ProjectedBinarySpec.of(new DatasetSource.InMemory(SLICE)).withPair(TROUSER_BOOT)
        .withNumTestExamples(TEST);
    TaskSpec spec = TaskSpec.projectedBinary(pb, 16, TRAIN, 30, 1);
    Task onValid = new TaskGenerator().generate(spec, 0).get(0);
    Task onTest = new TaskGenerator().generate(
        TaskSpec.projectedBinary(pb.withEvaluateOnTest(true), 16, TRAIN, 30, 1), 0).get(0);
    ProjectedBinaryTasks.Data d = ProjectedBinaryTasks.createData(SLICE, TROUSER_BOOT,
        ProjectedBinaryTasks.choose(pb, 10, spec.dataSeed(0)).datasetSeed(), 16, TRAIN, 30, TEST, false);
    assertArrayEquals(d.validFeatures(), onValid.validFeatures());
    assertArrayEquals(d.testFeatures(), onTest.validFeatures());
    assertArrayEquals(d.testLabels(), onTest.validLabels());
    assertEquals(TEST, onTest.numValid());
    // Training is the same either way.
    assertArrayEquals(onValid.trainFeatures(), onTest.trainFeatures());
    assertArrayEquals(onValid.epochs(), onTest.epochs());
  }

  @Test
  void heldOutFlagsThatCannotWorkAreRejected() {
    ProjectedBinarySpec pb = ProjectedBinarySpec.of(new DatasetSource.InMemory(SLICE));
    assertThrows(IllegalArgumentException.class, () -> pb.withEvaluateOnTest(true));
    assertThrows(IllegalArgumentException.class, () -> pb.withPair(TSHIRT_TROUSER).withDrawFromHeldOut(true));
    assertThrows(IllegalArgumentException.class, () -> pb.withHeldOutPairs(List.of()).withDrawFromHeldOut(true));
    assertTrue(pb.withDrawFromHeldOut(true).canUseHeldOutPair());
    assertTrue(pb.withPair(TSHIRT_BOOT).canUseHeldOutPair());
    assertFalse(pb.withPair(TSHIRT_TROUSER).canUseHeldOutPair());
    assertFalse(pb.canUseHeldOutPair());
  }
}
