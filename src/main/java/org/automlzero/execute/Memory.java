package org.automlzero.execute;

import java.util.Arrays;
import org.automlzero.program.AddressSpace;

/**
 * The memory of a running program: scalars, vectors of F and F x F matrices (row-major, as the
 * reference's Eigen matrices), all in one flat array, then a scratch area for ops whose output may
 * alias an input. Scalar {@code k} is entry {@code k}, vector {@code k} starts at
 * {@link #vectorBase} {@code + k * F}, matrix {@code k} at {@link #matrixBase} {@code + k * F * F}.
 * One array rather than one per kind leaves the interpreter's loop one register for all of them.
 *
 * <p>Mutable and not thread-safe: one per worker thread, allocated once and reused with
 * {@link #wipe()} between executions (reference {@code memory.h}).
 */
public final class Memory {
  final AddressSpace space;
  final int featuresSize;
  /** Scalars, vectors, matrices, then the scratch area. */
  final double[] data;
  final int vectorBase;
  final int matrixBase;
  final int scratchBase;

  public Memory(AddressSpace space, int featuresSize) {
    if (featuresSize < 2) {
      throw new IllegalArgumentException("features size is " + featuresSize + ", must be >= 2");
    }
    long vectorBase = vectorBase(space);
    long matrixBase = vectorBase + (long) space.vectors() * featuresSize;
    long scratchBase = matrixBase + (long) space.matrices() * featuresSize * featuresSize;
    long size = scratchBase + Math.max((long) featuresSize * featuresSize, featuresSize);
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(space.scalars() + " scalars, " + space.vectors() + " vectors and "
          + space.matrices() + " matrices of " + featuresSize + " x " + featuresSize + " do not fit in memory");
    }
    this.space = space;
    this.featuresSize = featuresSize;
    this.vectorBase = (int) vectorBase;
    this.matrixBase = (int) matrixBase;
    this.scratchBase = (int) scratchBase;
    this.data = new double[(int) size];
  }

  /** Where vector 0 starts in {@link #data}. */
  static int vectorBase(AddressSpace space) {
    return space.scalars();
  }

  /** Where matrix 0 starts in {@link #data} (for sizes that fit, as the constructor checks). */
  static int matrixBase(AddressSpace space, int featuresSize) {
    return space.scalars() + space.vectors() * featuresSize;
  }

  /** Zeroes every scalar, vector and matrix (reference {@code Memory::Wipe}). */
  public void wipe() {
    Arrays.fill(data, 0, scratchBase, 0);
  }

  public int featuresSize() {
    return featuresSize;
  }

  public double scalar(int address) {
    return data[address];
  }

  public void setScalar(int address, double value) {
    data[address] = value;
  }

  /** Entry {@code i} of vector {@code address}. */
  public double vector(int address, int i) {
    return data[vectorBase + address * featuresSize + i];
  }

  public void setVector(int address, int i, double value) {
    data[vectorBase + address * featuresSize + i] = value;
  }

  /** Entry (row, column) of matrix {@code address}. */
  public double matrix(int address, int row, int column) {
    return data[matrixBase + (address * featuresSize + row) * featuresSize + column];
  }

  public void setMatrix(int address, int row, int column, double value) {
    data[matrixBase + (address * featuresSize + row) * featuresSize + column] = value;
  }
}
