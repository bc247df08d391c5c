package org.automlzero.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class Mt19937Test {
  @Test
  void matchesStdMt19937ForEveryProbedSeed() {
    // Each line: seed, its first 12 outputs, then its 10000th (std::mt19937 of libstdc++).
    List<String> lines = ReferenceRngData.sections("mt19937.txt", "mt19937").get(0).lines();
    assertEquals(6, lines.size());
    for (String line : lines) {
      String[] words = line.split(" ");
      Mt19937 gen = new Mt19937(Long.parseLong(words[0]));
      long output = 0;
      for (int i = 1; i <= 10000; i++) {
        output = gen.nextUnsigned();
        if (i <= 12) {
          assertEquals(Long.parseLong(words[i]), output, "seed " + words[0] + " output " + i);
        }
      }
      assertEquals(Long.parseLong(words[13]), output, "seed " + words[0] + " output 10000");
    }
  }

  @Test
  void theStandardsCheckValueOfTheDefaultSeed() {
    // C++ [rand.predef]: the 10000th output of a default-constructed mt19937 (seed 5489).
    Mt19937 gen = new Mt19937(5489);
    for (int i = 1; i < 10000; i++) {
      gen.nextInt();
    }
    assertEquals(4123659995L, gen.nextUnsigned());
  }

  @Test
  void seedsWrapModTwoToThe32() {
    // The reference adds salts to uint32 seeds: 4294967000 + 865546086 wraps to 865545790.
    Mt19937 wrapped = new Mt19937(4294967000L + 865546086L);
    Mt19937 direct = new Mt19937(865545790L);
    for (int i = 0; i < 1000; i++) {
      assertEquals(direct.nextInt(), wrapped.nextInt());
    }
  }

  @Test
  void reseedingRestartsTheStream() {
    Mt19937 gen = new Mt19937(10000);
    int first = gen.nextInt();
    for (int i = 0; i < 700; i++) {
      gen.nextInt();
    }
    gen.seed(10000);
    assertEquals(first, gen.nextInt());
  }

  @Test
  void aCopyContinuesTheSameStream() {
    Mt19937 gen = new Mt19937(7);
    for (int i = 0; i < 1000; i++) {
      gen.nextInt();
    }
    Mt19937 copy = new Mt19937(gen);
    assertTrue(copy.sameStateAs(gen));
    for (int i = 0; i < 1000; i++) {
      assertEquals(gen.nextInt(), copy.nextInt());
    }
  }

  @Test
  void sixtyFourBitsTakeTheFirstOutputAsTheHighHalf() {
    // absl's FastUniformBits<uint64_t> over a 32-bit engine: (first << 32) + second.
    Mt19937 words = new Mt19937(1);
    Mt19937 bits = new Mt19937(1);
    for (int i = 0; i < 100; i++) {
      long high = words.nextUnsigned();
      long low = words.nextUnsigned();
      assertEquals((high << 32) | low, bits.nextBits64());
    }
  }
}
