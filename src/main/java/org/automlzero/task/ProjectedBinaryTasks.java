package org.automlzero.task;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.automlzero.random.Rng;
import org.automlzero.random.Seeds;
import org.ejml.data.DMatrixRMaj;

/**
 * Projected binary classification (paper section 4.2 and supplementary; reference
 * {@code generate_datasets.py} and {@code ProjectedBinaryClassificationTaskCreator}): from a labelled
 * dataset and a (pair, dataset seed), take the two classes' examples (positive label 1, negative 0),
 * split them stratified into train / valid / test, project the raw features with a Gaussian matrix
 * to F (or keep them, full size), and standardize every split with the train split's mean and
 * standard deviation. The split and the projection depend only on the dataset seed, as in the
 * reference, so every pair shares one projection per seed. Stateless.
 */
public final class ProjectedBinaryTasks {
  // The reference's HashMix salt for choosing the pair.
  static final long PAIR_SALT = 856572777L;
  static final long SPLIT_SALT = 508243917L;
  static final long PROJECTION_SALT = 733919173L;

  private ProjectedBinaryTasks() {}

  /**
   * The data of one (pair, dataset seed): three standardized splits of {@code featuresSize} features,
   * labels 1 (positive) and 0. Immutable by convention, like {@link Task}: arrays are not copied.
   */
  public record Data(
      ClassPair pair,
      long datasetSeed,
      int featuresSize,
      double[] trainFeatures,
      double[] trainLabels,
      double[] validFeatures,
      double[] validLabels,
      double[] testFeatures,
      double[] testLabels)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    public Data {
      Objects.requireNonNull(pair, "pair");
    }
  }

  /** Which pair and which dataset seed a task uses; the key of its data. Immutable. */
  public record Choice(ClassPair pair, long datasetSeed) {
    public Choice {
      Objects.requireNonNull(pair, "pair");
    }
  }

  /**
   * The pair and dataset seed of a task (semantics section 7.3). With a fixed pair the dataset seed
   * is {@code min + dataSeed mod (max - min)}; otherwise a generator of {@code dataSeed} draws a pair
   * uniformly among the non-held-out pairs (the held-out ones with {@code drawFromHeldOut}) i &lt; j of classes 0..numClasses-1 (i positive) and then
   * a dataset seed uniformly in [min, max).
   */
  public static Choice choose(ProjectedBinarySpec spec, int numClasses, long dataSeed) {
    long min = spec.minSupportedDataSeed();
    long max = spec.maxSupportedDataSeed();
    if (spec.pair() != null) {
      return new Choice(spec.pair(), min + Math.floorMod(dataSeed, max - min));
    }
    List<ClassPair> candidates = candidatePairs(spec, numClasses);
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no class pair to draw: the dataset has " + numClasses
          + (spec.drawFromHeldOut() ? " classes and none of the held-out pairs is among them (heldOutPairs "
              : " classes and every pair of them is held out (heldOutPairs ") + spec.heldOutPairs() + ")");
    }
    Rng rng = new Rng(Seeds.derive(dataSeed, PAIR_SALT));
    ClassPair pair = candidates.get(rng.nextInt(candidates.size()));
    return new Choice(pair, rng.nextLong(min, max));
  }

  /**
   * The pairs (i, j), i &lt; j &lt; numClasses, that are not held out (with
   * {@code drawFromHeldOut}: that are held out), in lexicographic order.
   */
  public static List<ClassPair> candidatePairs(ProjectedBinarySpec spec, int numClasses) {
    List<ClassPair> pairs = new ArrayList<>();
    for (int i = 0; i < numClasses; i++) {
      for (int j = i + 1; j < numClasses; j++) {
        ClassPair pair = new ClassPair(i, j);
        if (spec.isHeldOut(pair) == spec.drawFromHeldOut()) {
          pairs.add(pair);
        }
      }
    }
    return pairs;
  }

  /**
   * The standardized splits of one (pair, dataset seed). {@code fullSize} keeps the raw features and
   * needs {@code featuresSize == dataset.featuresSize()}.
   */
  public static Data createData(LabeledDataset dataset, ClassPair pair, long datasetSeed, int featuresSize,
      int numTrain, int numValid, int numTest, boolean fullSize) {
    int d = dataset.featuresSize();
    if (fullSize && featuresSize != d) {
      throw new IllegalArgumentException("featuresSize is " + featuresSize + ", but a full-size task of dataset "
          + dataset.name() + " needs its " + d + " features");
    }
    int[][] parts = StratifiedSplit.split(dataset, pair, new int[] {numTrain, numValid, numTest},
        new Rng(Seeds.derive(datasetSeed, SPLIT_SALT)));
    int n = numTrain + numValid + numTest;
    DMatrixRMaj x = new DMatrixRMaj(n, d);
    double[] labels = new double[n];
    int row = 0;
    for (int[] part : parts) {
      for (int source : part) {
        System.arraycopy(dataset.features(), source * d, x.data, row * d, d);
        labels[row++] = dataset.labels()[source] == pair.positive() ? 1.0 : 0.0;
      }
    }
    DMatrixRMaj y = fullSize ? x : GaussianProjection.project(x,
        GaussianProjection.matrix(d, featuresSize, new Rng(Seeds.derive(datasetSeed, PROJECTION_SALT))));
    int f = featuresSize;
    double[] all = y.data;
    Standardizer.fit(all, numTrain, f).applyInPlace(all);
    int validStart = numTrain;
    int testStart = numTrain + numValid;
    return new Data(pair, datasetSeed, f,
        Arrays.copyOfRange(all, 0, validStart * f), Arrays.copyOfRange(labels, 0, validStart),
        Arrays.copyOfRange(all, validStart * f, testStart * f), Arrays.copyOfRange(labels, validStart, testStart),
        Arrays.copyOfRange(all, testStart * f, n * f), Arrays.copyOfRange(labels, testStart, n));
  }

  /** The data of task {@code dataSeed} of {@code spec}, reusing {@code cache} per choice. */
  static Data data(TaskSpec spec, LabeledDataset dataset, long dataSeed, Map<Choice, Data> cache) {
    ProjectedBinarySpec pb = spec.projectedBinary();
    Choice choice = choose(pb, dataset.numClasses(), dataSeed);
    return cache.computeIfAbsent(choice, c -> createData(dataset, c.pair(), c.datasetSeed(),
        spec.featuresSize(), spec.numTrainExamples(), spec.numValidExamples(), pb.numTestExamples(),
        pb.fullSize()));
  }

  static Task create(TaskSpec spec, LabeledDataset dataset, int index, long dataSeed, Map<Choice, Data> cache) {
    Data data = data(spec, dataset, dataSeed, cache);
    if (spec.projectedBinary().evaluateOnTest()) {
      return TaskGenerator.assemble(spec, index, dataSeed,
          data.trainFeatures(), data.trainLabels(), data.testFeatures(), data.testLabels());
    }
    return TaskGenerator.assemble(spec, index, dataSeed,
        data.trainFeatures(), data.trainLabels(), data.validFeatures(), data.validLabels());
  }
}
