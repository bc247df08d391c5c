package org.automlzero.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.automlzero.random.ReferenceRngData.Section;
import org.junit.jupiter.api.Test;

/** Against absl's own numbers (bench/absl-probe): every draw equal to the bit. */
class AbslGaussianTest {
  @Test
  void tablesAreAbslsToTheBit() {
    List<String> lines = ReferenceRngData.sections("absl-ziggurat-tables.txt", "absl").get(0).lines();
    assertEquals(AbslGaussian.MASK + 2, lines.size());
    for (String line : lines) {
      String[] words = line.split(" ");
      int i = Integer.parseInt(words[0]);
      assertBitEqual(Double.parseDouble(words[1]), AbslGaussian.Tables.X[i], "x[" + i + "]");
      assertBitEqual(Double.parseDouble(words[2]), AbslGaussian.Tables.F[i], "f[" + i + "]");
    }
  }

  @Test
  void tablesFollowTheZigguratRecurrence() {
    // The literals are absl's; recomputing them from the defining equations with the fully
    // specified StrictMath lands within 1 ulp (the recurrence carries the last bit of exp and log).
    double[] x = new double[AbslGaussian.MASK + 2];
    double[] f = new double[AbslGaussian.MASK + 2];
    x[0] = AbslGaussian.V / StrictMath.exp(-0.5 * AbslGaussian.R * AbslGaussian.R);
    f[0] = StrictMath.exp(-0.5 * x[0] * x[0]);
    x[1] = AbslGaussian.R;
    f[1] = StrictMath.exp(-0.5 * AbslGaussian.R * AbslGaussian.R);
    x[128] = 0;
    f[128] = 1;
    for (int i = 2; i < 128; i++) {
      f[i] = AbslGaussian.V / x[i - 1] + f[i - 1];
      x[i] = StrictMath.sqrt(-2 * StrictMath.log(f[i]));
    }
    for (int i = 0; i < x.length; i++) {
      assertEquals(AbslGaussian.Tables.X[i], x[i], Math.ulp(x[i]), "x[" + i + "]");
      assertEquals(AbslGaussian.Tables.F[i], f[i], Math.ulp(f[i]), "f[" + i + "]");
    }
    // Each strip's area is V; the top one closes to 1e-11 only, as R and V are rounded constants.
    for (int i = 1; i < 128; i++) {
      assertEquals(AbslGaussian.V, AbslGaussian.Tables.X[i] * (AbslGaussian.Tables.F[i + 1] - AbslGaussian.Tables.F[i]),
          2e-11, "area of strip " + i);
    }
  }

  @Test
  void drawsAreAbslsToTheBit() {
    List<Section> sections = ReferenceRngData.sections("absl-gaussian.txt", "gaussian");
    assertEquals(4, sections.size());
    for (Section section : sections) {
      Mt19937 gen = new Mt19937(section.getLong("seed"));
      double mean = section.getDouble("mean");
      double stdev = section.getDouble("stdev");
      assertEquals(section.getLong("count"), section.lines().size());
      for (int i = 0; i < section.lines().size(); i++) {
        assertBitEqual(Double.parseDouble(section.lines().get(i)), AbslGaussian.next(gen, mean, stdev),
            "seed " + section.getLong("seed") + " draw " + i);
      }
    }
  }

  @Test
  void aLongRunMatchesAbslThroughTheWedgesAndTheTail() {
    Section run = ReferenceRngData.sections("absl-gaussian-long.txt", "gaussian-long").get(0);
    Map<Integer, String[]> rare = new HashMap<>();
    Map<Integer, Integer> expectedWords = new HashMap<>();
    for (String line : run.lines()) {
      String[] words = line.split(" ");
      if (words[0].equals("words")) {
        for (int k = 1; k < words.length; k++) {
          String[] pair = words[k].split(":");
          expectedWords.put(Integer.parseInt(pair[0]), Integer.parseInt(pair[1]));
        }
      } else {
        rare.put(Integer.parseInt(words[0]), words);
      }
    }
    Mt19937 gen = new Mt19937(run.getLong("seed"));
    ReferenceRngData.Fnv fnv = new ReferenceRngData.Fnv();
    Map<Integer, Integer> words = new HashMap<>();
    int tails = 0;
    int wedges = 0;
    for (int i = 0; i < run.getLong("count"); i++) {
      Mt19937 before = new Mt19937(gen);
      Branch branch = firstBranch(new Mt19937(gen));
      tails += branch == Branch.TAIL ? 1 : 0;
      wedges += branch == Branch.WEDGE ? 1 : 0;
      double x = AbslGaussian.next(gen);
      fnv.add(x);
      int used = 0;
      while (!before.sameStateAs(gen)) {
        before.nextInt();
        used++;
      }
      words.merge(used, 1, Integer::sum);
      String[] expected = rare.get(i);
      if (expected != null) {
        assertEquals(Integer.parseInt(expected[1]), used, "words of draw " + i);
        assertBitEqual(Double.parseDouble(expected[2]), x, "draw " + i);
      }
    }
    assertEquals(expectedWords, words);
    assertEquals(run.get("fnv"), fnv.hex(), "hash of all draws");
    // The rare branches were taken, so the hash covers them: P(tail) ~ 0.06%, P(wedge) ~ 2.7%.
    assertTrue(tails > 20, tails + " tail draws");
    assertTrue(wedges > 1000, wedges + " wedge draws");
  }

  @Test
  void uniformsFromBitsAreAbslsEdgeValues() {
    assertEquals(0.5, AbslGaussian.positiveUniform(0x8000000000000000L));
    assertEquals(Math.scalb(1.0, -64), AbslGaussian.positiveUniform(1L));
    assertEquals(Math.scalb(1.0, -65), AbslGaussian.positiveUniform(0L));
    assertEquals(Math.nextDown(1.0), AbslGaussian.positiveUniform(-1L));
    assertEquals(-0.5, AbslGaussian.signedUniform(0xc000000000000000L));
    assertEquals(Math.scalb(1.0, -64), AbslGaussian.signedUniform(0L));
    assertEquals(-Math.scalb(1.0, -64), AbslGaussian.signedUniform(0x8000000000000000L));
    assertEquals(Math.nextDown(1.0), AbslGaussian.signedUniform(0x7fffffffffffffffL));
  }

  @Test
  void momentsAreThoseOfTheNormal() {
    Mt19937 gen = new Mt19937(42);
    int n = 400_000;
    double sum = 0;
    double squares = 0;
    int beyondThree = 0;
    for (int i = 0; i < n; i++) {
      double x = AbslGaussian.next(gen, 1.0, 2.0);
      sum += x;
      squares += (x - 1.0) * (x - 1.0);
      beyondThree += Math.abs(x - 1.0) > 6.0 ? 1 : 0;
    }
    assertEquals(1.0, sum / n, 0.02);
    assertEquals(4.0, squares / n, 0.04);
    // P(|z| > 3) = 0.0027: about 1080 of 400000.
    assertTrue(beyondThree > 900 && beyondThree < 1260, beyondThree + " beyond 3 sigma");
  }

  private enum Branch { BOX, WEDGE, TAIL }

  /** Where the first 64-bit draw of a Gaussian lands, with absl's rule (a test-side classifier). */
  private static Branch firstBranch(Mt19937 gen) {
    long bits = gen.nextBits64();
    int i = (int) (bits & AbslGaussian.MASK);
    double x = AbslGaussian.signedUniform(bits) * AbslGaussian.Tables.X[i];
    if (Math.abs(x) < AbslGaussian.Tables.X[i + 1]) {
      return Branch.BOX;
    }
    return i == 0 ? Branch.TAIL : Branch.WEDGE;
  }

  private static void assertBitEqual(double expected, double actual, String what) {
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
        what + ": expected " + expected + " (" + Double.toHexString(expected) + ") got " + actual
            + " (" + Double.toHexString(actual) + ")");
  }
}
