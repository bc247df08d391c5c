package org.automlzero.task;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The paper's random projection: raw features X (n x d) times a matrix R (d x F) of independent
 * N(0,1) entries, as {@code np.random.randn(d, F)} in the reference's {@code generate_datasets.py}.
 * The product uses EJML. Stateless.
 */
final class GaussianProjection {
  private GaussianProjection() {}

  /** R, d x F, filled row by row from {@code rng}. */
  static DMatrixRMaj matrix(int d, int f, RandomGenerator rng) {
    DMatrixRMaj r = new DMatrixRMaj(d, f);
    double[] data = r.data;
    for (int i = 0; i < d * f; i++) {
      data[i] = rng.nextGaussian();
    }
    return r;
  }

  /** X R, a new n x F matrix. */
  static DMatrixRMaj project(DMatrixRMaj x, DMatrixRMaj r) {
    DMatrixRMaj out = new DMatrixRMaj(x.numRows, r.numCols);
    CommonOps_DDRM.mult(x, r, out);
    return out;
  }
}
