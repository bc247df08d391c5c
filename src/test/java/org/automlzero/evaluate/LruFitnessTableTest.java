package org.automlzero.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.automlzero.random.Rng;
import org.junit.jupiter.api.Test;

class LruFitnessTableTest {
  /** The same operations on the table and on an access-ordered LinkedHashMap agree at every step. */
  @Test
  void behavesLikeAnAccessOrderedLinkedHashMap() {
    for (int capacity : new int[] {1, 3, 16, 100}) {
      LruFitnessTable table = new LruFitnessTable(capacity);
      LinkedHashMap<Long, double[]> model = new LinkedHashMap<>(16, 0.75f, true);
      Rng rng = new Rng(capacity);
      for (int step = 0; step < 50_000; step++) {
        // Few distinct keys, many sharing a home slot, so that probing and shifting are exercised.
        long key = rng.nextInt(capacity * 3) * 0x1_0000_0000L * (rng.nextBoolean() ? 1 : 0) + rng.nextInt(8);
        int slot = table.find(key);
        double[] expected = model.get(key);
        assertEquals(expected != null, slot >= 0, "presence of " + key + " at step " + step);
        if (slot >= 0) {
          assertEquals(expected[0], table.fitness(slot));
          int count = table.countUse(slot);
          assertEquals(++expected[1], count);
          if (count >= 4) {
            table.remove(slot);
            model.remove(key);
          }
        } else {
          double value = rng.nextDouble();
          table.insert(key, value);
          model.put(key, new double[] {value, 1});
          if (model.size() > capacity) {
            Iterator<Map.Entry<Long, double[]>> eldest = model.entrySet().iterator();
            eldest.next();
            eldest.remove();
          }
        }
        assertEquals(model.size(), table.size());
      }
    }
  }
}
