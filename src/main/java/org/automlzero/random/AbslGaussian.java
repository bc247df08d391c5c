package org.automlzero.random;

/**
 * The normal distribution of absl, {@code absl::Gaussian<double>(gen, mean, stdev)}, drawn from a
 * {@link Mt19937} exactly as the reference draws it from its {@code std::mt19937}: the same values
 * to the bit, consuming the same outputs. This is what makes the reference's synthetic tasks and
 * its golden fitness values reproducible here (semantics page sections 0 and 7.3).
 *
 * <p>absl's algorithm ({@code absl/random/gaussian_distribution.h}) is a ziggurat of 128 strips
 * on one half of the density {@code exp(-x^2/2)} (Marsaglia and Tsang 2000, with the refinements of
 * Doornik 2005): one 64-bit draw picks a strip with its low 7 bits and a signed uniform with all
 * its bits; inside the strip's box the value is returned at once, in a wedge it is accepted or
 * rejected with a second draw, and in the base strip beyond the tail start R it falls back to
 * Marsaglia's exponential method for the tail. Uniforms are absl's {@code GenerateRealFromBits}:
 * the leading zeros of the 64 bits set the exponent, the following bits the mantissa.
 *
 * <p>The wedge's {@code exp} and the tail's {@code log} are {@link StrictMath}'s (fdlibm), so
 * that the draws do not depend on the JVM or the CPU. The reference calls glibc's; the two agree
 * on every draw of the probe's runs (some 60 tails in 100000 draws), but they are not both
 * correctly rounded, so on a rare argument a tail draw could differ in its last bit.
 *
 * <p>Stateless and thread-safe.
 */
public final class AbslGaussian {
  /** The start of the tail, absl's {@code kR}. */
  static final double R = 3.442619855899;
  /** absl's {@code kRInv}, the double nearest 1 / R. */
  static final double R_INV = 0.29047645161474317;
  /** The area of each strip, absl's {@code kV}. */
  static final double V = 9.91256303526217e-3;
  /** The strip index mask: 128 strips. */
  static final int MASK = 0x7f;

  private static final double[] X = Tables.X;
  private static final double[] F = Tables.F;

  private AbslGaussian() {}

  /** {@code absl::Gaussian<double>(gen, mean, stdev)}: {@code mean + stdev * z}, z standard normal. */
  public static double next(Mt19937 gen, double mean, double stdev) {
    return mean + stdev * next(gen);
  }

  /** A standard normal draw, absl's {@code zignor}. */
  public static double next(Mt19937 gen) {
    while (true) {
      long bits = gen.nextBits64();
      int i = (int) (bits & MASK);
      double j = signedUniform(bits);
      double x = j * X[i];
      if (Math.abs(x) < X[i + 1]) {
        return x; // inside strip i's box
      }
      if (i == 0) {
        return tail(gen, j < 0);
      }
      double v = positiveUniform(gen.nextBits64());
      if (F[i + 1] + v * (F[i] - F[i + 1]) < StrictMath.exp(-0.5 * x * x)) {
        return x; // under the density in strip i's wedge
      }
    }
  }

  /** Marsaglia's tail beyond R, absl's {@code zignor_fallback}. */
  private static double tail(Mt19937 gen, boolean negative) {
    double x;
    double y;
    do {
      x = R_INV * StrictMath.log(positiveUniform(gen.nextBits64()));
      y = -StrictMath.log(positiveUniform(gen.nextBits64()));
    } while (y + y < x * x);
    return negative ? x - R : R - x;
  }

  /**
   * absl's {@code GenerateRealFromBits<double, GeneratePositiveTag, false>}: a double in (0, 1)
   * whose exponent is set by the leading zeros of {@code bits} and whose mantissa is the 52 bits
   * after the leading one (truncated, never rounded). All-zero bits give 2^-65.
   */
  static double positiveUniform(long bits) {
    int clz = Long.numberOfLeadingZeros(bits);
    long mantissa = (bits << (clz & 63)) >>> 11;
    long exponent = 1022 - clz;
    return Double.longBitsToDouble((exponent << 52) | (mantissa & 0xfffffffffffffL));
  }

  /**
   * absl's {@code GenerateRealFromBits<double, GenerateSignedTag, false>}: the top bit is the sign,
   * the other 63 bits give a magnitude in (0, 1) as in {@link #positiveUniform}.
   */
  static double signedUniform(long bits) {
    long sign = bits & 0x8000000000000000L;
    long magnitude = bits & 0x7fffffffffffffffL;
    int clz = Long.numberOfLeadingZeros(magnitude);
    long mantissa = (magnitude << (clz & 63)) >>> 11;
    long exponent = 1023 - clz;
    return Double.longBitsToDouble(sign | (exponent << 52) | (mantissa & 0xfffffffffffffL));
  }

  /**
   * The ziggurat: {@code X[i]} is the right edge of strip i (X[0] the base strip's virtual width
   * V / f(R), X[1] = R, decreasing to X[128] = 0) and {@code F[i] = f(X[i])} with
   * {@code f(x) = exp(-x^2/2)}. Each strip above the base has area V:
   * {@code F[i] = F[i-1] + V / X[i-1]}, {@code X[i] = sqrt(-2 ln F[i])}.
   *
   * <p>The values are absl's own, not recomputed here: they were read from the compiled
   * library ({@code gaussian_distribution_base::zg_} of libabsl 20220623, Debian 12) by the probe
   * {@code bench/absl-probe} and written as hex literals, because the recurrence above amplifies
   * the last bit of {@code exp} and {@code log}: with {@link StrictMath} (fdlibm) it ends 1 ulp
   * away from absl's table from x[39] on, while HotSpot's x86-64 {@link Math} intrinsics happen to
   * reproduce it exactly, which no Java specification promises. {@code AbslGaussianTest} checks
   * the literals against the probe's dump and against the recurrence.
   */
  static final class Tables {
    static final double[] X = {
      0x1.db4668fe7e4a4p1, 0x1.b8a7c476d2be8p1, 0x1.9c8e0c7c8098fp1,
      0x1.8aa73e440ffbcp1, 0x1.7d45eb36eb841p1, 0x1.7279dd4ac3f9dp1,
      0x1.695c2be68edc9p1, 0x1.616dff7c8f54ap1, 0x1.5a61edf7e8f32p1,
      0x1.54052012a04a4p1, 0x1.4e3456b0e3a1bp1, 0x1.48d61806d601p1,
      0x1.43d75b60bca1dp1, 0x1.3f29848d3b416p1, 0x1.3ac11b8e206d6p1,
      0x1.3694f3a3740d9p1, 0x1.329d9725e32f7p1, 0x1.2ed4df8099571p1,
      0x1.2b35aa5ebee3ep1, 0x1.27bba2b5dbc92p1, 0x1.246317a6b53cp1,
      0x1.2128dd36bdf08p1, 0x1.1e0a342cf08f5p1, 0x1.1b04b731f6bcbp1,
      0x1.18164be0c1c38p1, 0x1.153d16d45743cp1, 0x1.12777201834f2p1,
      0x1.0fc3e4d95f277p1, 0x1.0d211dd28b00dp1, 0x1.0a8ded0ec3718p1,
      0x1.08093fe3e40ep1, 0x1.05921d1c4d768p1, 0x1.0327a1cc4cf5cp1,
      0x1.00c8fea1720d2p1, 0x1.fceaeb2ca5f13p0, 0x1.f858aff31cbecp0,
      0x1.f3da09746081fp0, 0x1.ef6dcddc7d38ep0, 0x1.eb12e91486bb8p0,
      0x1.e6c85a849b012p0, 0x1.e28d331c67238p0, 0x1.de609397e09b5p0,
      0x1.da41aaf79a33fp0, 0x1.d62fb52580b81p0, 0x1.d229f9bfeefd6p0,
      0x1.ce2fcb05f8c2fp0, 0x1.ca4084e091e2fp0, 0x1.c65b8c04dbabdp0,
      0x1.c2804d2c6b16ap0, 0x1.beae3c60cd0dfp0, 0x1.bae4d457ee113p0,
      0x1.b72395df5b736p0, 0x1.b36a075498d5fp0, 0x1.afb7b428fe79cp0,
      0x1.ac0c2c6fc637dp0, 0x1.a867047516e4bp0, 0x1.a4c7d45d01a2cp0,
      0x1.a12e37c983364p0, 0x1.9d99cd86b58aep0, 0x1.9a0a373c73f1ap0,
      0x1.967f1924c7affp0, 0x1.92f819c682beep0, 0x1.8f74e1b37c6b1p0,
      0x1.8bf51b49ef33p0, 0x1.887872788109fp0, 0x1.84fe9484873b2p0,
      0x1.81872fd21db6dp0, 0x1.7e11f3adaeb8cp0, 0x1.7a9e90168b8e8p0,
      0x1.772cb58a39dcfp0, 0x1.73bc14d01a2c1p0, 0x1.704c5ec50cb78p0,
      0x1.6cdd4426b889dp0, 0x1.696e755e16b7cp0, 0x1.65ffa248e0165p0,
      0x1.62907a0176eb7p0, 0x1.5f20aaa4dfc12p0, 0x1.5bafe1165480ep0,
      0x1.583dc8bff3211p0, 0x1.54ca0b4ffd34p0, 0x1.515450720f44dp0,
      0x1.4ddc3d83a5b7cp0, 0x1.4a617543306c5p0, 0x1.46e39778de05ap0,
      0x1.436240982ad95p0, 0x1.3fdd09591d29cp0, 0x1.3c538647ef789p0,
      0x1.38c54749b902ap0, 0x1.3531d7146a435p0, 0x1.3198ba982d907p0,
      0x1.2df97057e7ef2p0, 0x1.2a536fae30e29p0, 0x1.26a627fb9d117p0,
      0x1.22f0ffbaa1e4cp0, 0x1.1f335374a10efp0, 0x1.1b6c7492c972cp0,
      0x1.179ba80463fe3p0, 0x1.13c024b2c7ebcp0, 0x1.0fd911b97f22cp0,
      0x1.0be58456ff4a3p0, 0x1.07e47d87a40eap0, 0x1.03d4e7391c5abp0,
      0x1.ff6b21fffe301p-1, 0x1.f70a5866c8f2ep-1, 0x1.ee848e9568255p-1,
      0x1.e5d6909f51b4fp-1, 0x1.dcfccc51c59d6p-1, 0x1.d3f340dda6101p-1,
      0x1.cab56ac6a38b8p-1, 0x1.c13e2b014e842p-1, 0x1.b787a7c516f1ep-1,
      0x1.ad8b2506a135fp-1, 0x1.a340d1baf5af9p-1, 0x1.989f85c753b0dp-1,
      0x1.8d9c6a9d35e1dp-1, 0x1.822a858af0e5dp-1, 0x1.763a1600eec52p-1,
      0x1.69b7b213f3f46p-1, 0x1.5c8afdbf02156p-1, 0x1.4e94c08c0ba91p-1,
      0x1.3fabee1911caep-1, 0x1.2f98d6bb4f3f3p-1, 0x1.1e0ce6b596983p-1,
      0x1.0a936da5e5578p-1, 0x1.e8e576e43fb75p-2, 0x1.b4c8fece48deep-2,
      0x1.73949184db91dp-2, 0x1.16db47e193ce9p-2, 0x0p0
    };

    static final double[] F = {
      0x1.09e80c5ba8b5bp-10, 0x1.5de9e33726f2p-9, 0x1.6ba8b0ffb627fp-8,
      0x1.1a9b6b3fc1939p-7, 0x1.83f4bed19339ep-7, 0x1.f100847645166p-7,
      0x1.309cee4e09982p-6, 0x1.6a23fa9d5f275p-6, 0x1.a4f57a25d9ccp-6,
      0x1.e0f951d57e236p-6, 0x1.0f0e539c89b77p-5, 0x1.2e282b724adaep-5,
      0x1.4dc3fcbd99702p-5, 0x1.6ddc9dd1fe249p-5, 0x1.8e6db483bc1bbp-5,
      0x1.af738c17a5015p-5, 0x1.d0eaf63395868p-5, 0x1.f2d13368bd128p-5,
      0x1.0a91f09183c31p-4, 0x1.1bf075c20a9ffp-4, 0x1.2d8341133a33cp-4,
      0x1.3f4987896ad6fp-4, 0x1.514297b239a62p-4, 0x1.636dd69e8c219p-4,
      0x1.75cabd60e5dc3p-4, 0x1.8858d6f54ff36p-4, 0x1.9b17be7e63ef4p-4,
      0x1.ae071dc7af297p-4, 0x1.c126ac011776cp-4, 0x1.d4762ca983a63p-4,
      0x1.e7f56ea105fc5p-4, 0x1.fba44b5c4de96p-4, 0x1.07c1531a2b4a2p-3,
      0x1.11c835e71b731p-3, 0x1.1be6c8cbda979p-3, 0x1.261d0aaaebe7cp-3,
      0x1.306afe619314dp-3, 0x1.3ad0aa9dd7faep-3, 0x1.454e19baa0e7cp-3,
      0x1.4fe359a13823dp-3, 0x1.5a907baface6ap-3, 0x1.655594a396d6p-3,
      0x1.7032bc88d6778p-3, 0x1.7b280eabfd4c8p-3, 0x1.8635a99016382p-3,
      0x1.915baee792bffp-3, 0x1.9c9a43902c102p-3, 0x1.a7f18f918fb6bp-3,
      0x1.b361be1eb802bp-3, 0x1.beeafd99d711fp-3, 0x1.ca8d7f9ac2032p-3,
      0x1.d64978f7cf9e7p-3, 0x1.e21f21d12333fp-3, 0x1.ee0eb59e61873p-3,
      0x1.fa18733ed2799p-3, 0x1.031e4e85fb6a8p-2, 0x1.093dbc774f1a8p-2,
      0x1.0f6aa83b46dp-2, 0x1.15a5387a6603fp-2, 0x1.1bed95cc5752bp-2,
      0x1.2243eac7e2074p-2, 0x1.28a864146108bp-2, 0x1.2f1b307ccfea7p-2,
      0x1.359c810485cc4p-2, 0x1.3c2c88fdb8dddp-2, 0x1.42cb7e21e8c5fp-2,
      0x1.497998ac51eadp-2, 0x1.503713768fb4bp-2, 0x1.57042c17986e4p-2,
      0x1.5de12305426f6p-2, 0x1.64ce3bb887d99p-2, 0x1.6bcbbcd4c4734p-2,
      0x1.72d9f05230376p-2, 0x1.79f923abe1186p-2, 0x1.8129a811a7662p-2,
      0x1.886bd29e22639p-2, 0x1.8fbffc917615ep-2, 0x1.97268391186c9p-2,
      0x1.9e9fc9ed3ad1dp-2, 0x1.a62c36ec664edp-2, 0x1.adcc371df4178p-2,
      0x1.b5803cb422f2fp-2, 0x1.bd48bfe6a41fp-2, 0x1.c5263f5e989d3p-2,
      0x1.cd1940ad1b153p-2, 0x1.d52250cd9b95bp-2, 0x1.dd4204b582992p-2,
      0x1.e578f9f2c938p-2, 0x1.edc7d75b7711bp-2, 0x1.f62f4dd0454b3p-2,
      0x1.feb0191503b1cp-2, 0x1.03a58060e6687p-1, 0x1.08006ca84ddebp-1,
      0x1.0c6942a5bbcbp-1, 0x1.10e07b5015e5dp-1, 0x1.1566980fb8bb6p-1,
      0x1.19fc239747fb6p-1, 0x1.1ea1b2d9efcc1p-1, 0x1.2357e62428f96p-1,
      0x1.281f6a5d24478p-1, 0x1.2cf8fa78591c3p-1, 0x1.31e5612065d0bp-1,
      0x1.36e57aa698271p-1, 0x1.3bfa374538797p-1, 0x1.41249dc646455p-1,
      0x1.4665cea500fc2p-1, 0x1.4bbf07c6c218dp-1, 0x1.5131a8efe6189p-1,
      0x1.56bf39249a246p-1, 0x1.5c696d348e891p-1, 0x1.62322fc593a6ap-1,
      0x1.681bab4ebdc29p-1, 0x1.6e2856a006c26p-1, 0x1.745b04d027f2ep-1,
      0x1.7ab6f9c656c26p-1, 0x1.814005219cc8p-1, 0x1.87faa61a739f9p-1,
      0x1.8eec3c5bbfb47p-1, 0x1.961b4c1afe58ep-1, 0x1.9d8fdfaec7bfep-1,
      0x1.a55418110d2b4p-1, 0x1.ad750b7255a2ep-1, 0x1.b6042cf903cccp-1,
      0x1.bf19b6810e61ap-1, 0x1.c8d923f9e0688p-1, 0x1.d37a74ffb7e5cp-1,
      0x1.df6071934c0b7p-1, 0x1.ed5cf060d53e3p-1, 0x1p0
    };

    private Tables() {}
  }
}
