package org.automlzero.execute;

import java.util.Arrays;
import org.automlzero.program.AddressSpace;

/**
 * The memory of a running program: scalars, vectors of F and F x F matrices (row-major, as the
 * reference's Eigen matrices), each kind in one flat array, plus a scratch area for ops whose output
 * may alias an input. Address {@code k} of a vector starts at {@code k * F}, of a matrix at
 * {@code k * F * F}.
 *
 * <p>Mutable and not thread-safe: one per worker thread, allocated once and reused with
 * {@link #wipe()} between executions (reference {@code memory.h}).
 */
public final class Memory {
  final int featuresSize;
  final double[] scalars;
  final double[] vectors;
  final double[] matrices;
  final double[] scratch;

  public Memory(AddressSpace space, int featuresSize) {
    if (featuresSize < 2) {
      throw new IllegalArgumentException("features size is " + featuresSize + ", must be >= 2");
    }
    long matrixEntries = (long) space.matrices() * featuresSize * featuresSize;
    if (matrixEntries > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          space.matrices() + " matrices of " + featuresSize + " x " + featuresSize + " do not fit in memory");
    }
    this.featuresSize = featuresSize;
    this.scalars = new double[space.scalars()];
    this.vectors = new double[space.vectors() * featuresSize];
    this.matrices = new double[(int) matrixEntries];
    this.scratch = new double[Math.max(featuresSize * featuresSize, featuresSize)];
  }

  /** Zeroes every scalar, vector and matrix (reference {@code Memory::Wipe}). */
  public void wipe() {
    Arrays.fill(scalars, 0);
    Arrays.fill(vectors, 0);
    Arrays.fill(matrices, 0);
  }

  public int featuresSize() {
    return featuresSize;
  }

  public double scalar(int address) {
    return scalars[address];
  }

  public void setScalar(int address, double value) {
    scalars[address] = value;
  }

  /** Entry {@code i} of vector {@code address}. */
  public double vector(int address, int i) {
    return vectors[address * featuresSize + i];
  }

  public void setVector(int address, int i, double value) {
    vectors[address * featuresSize + i] = value;
  }

  /** Entry (row, column) of matrix {@code address}. */
  public double matrix(int address, int row, int column) {
    return matrices[(address * featuresSize + row) * featuresSize + column];
  }

  public void setMatrix(int address, int row, int column, double value) {
    matrices[(address * featuresSize + row) * featuresSize + column] = value;
  }
}
