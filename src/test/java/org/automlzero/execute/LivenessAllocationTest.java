package org.automlzero.execute;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.Instruction;
import org.automlzero.program.InstructionRandomizer;
import org.automlzero.program.Liveness;
import org.automlzero.program.Op;
import org.automlzero.random.Rng;
import org.junit.jupiter.api.Test;

/** Compiling without dead code is on the hot path of every evaluation, so it must not allocate. */
class LivenessAllocationTest {
  private static final AddressSpace SPACE = AddressSpace.BASELINE;

  private static List<Algorithm> randomAlgorithms(int count, long seed) {
    Rng rng = new Rng(seed);
    List<Op> ops = Op.all().stream().filter(SPACE::supports).toList();
    List<Algorithm> algorithms = new ArrayList<>(count);
    for (int a = 0; a < count; a++) {
      List<List<Instruction>> components = new ArrayList<>(3);
      for (int c = 0; c < 3; c++) {
        int size = rng.nextInt(30);
        List<Instruction> instructions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          instructions.add(InstructionRandomizer.random(ops.get(rng.nextInt(ops.size())), SPACE, rng));
        }
        components.add(instructions);
      }
      algorithms.add(new Algorithm(components.get(0), components.get(1), components.get(2)));
    }
    return algorithms;
  }

  @Test
  void compilingWithoutDeadCodeAllocatesNothingAfterWarmUp() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertTrue(threads.isThreadAllocatedMemorySupported());
    threads.setThreadAllocatedMemoryEnabled(true);
    List<Algorithm> algorithms = randomAlgorithms(500, 3);
    CompiledAlgorithm compiled = new CompiledAlgorithm();
    Liveness rule = new Liveness(Liveness.StochasticOps.KEEP_ALL_IF_ANY_LIVE);
    Liveness keepDraws = new Liveness(Liveness.StochasticOps.KEEP_ALWAYS);
    long kept = 0;
    for (int round = 0; round < 40; round++) { // warm-up: grow the buffers, let the JIT settle
      kept += compileAll(algorithms, compiled, rule, keepDraws);
    }
    // The probe's own first calls may allocate; warm it and subtract what a bare probe costs.
    threads.getCurrentThreadAllocatedBytes();
    long probe = threads.getCurrentThreadAllocatedBytes();
    long overhead = threads.getCurrentThreadAllocatedBytes() - probe;
    // The JVM sometimes allocates a few bytes once, on this thread, while it compiles a method (seen
    // even around a pure arithmetic loop). An allocation per algorithm would show in every window,
    // so one noisy window out of five is tolerated and the others must be exactly zero.
    long[] windows = new long[5];
    int zero = 0;
    for (int w = 0; w < windows.length; w++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      kept += compileAll(algorithms, compiled, rule, keepDraws);
      windows[w] = threads.getCurrentThreadAllocatedBytes() - before - overhead;
      if (windows[w] == 0) {
        zero++;
      }
    }
    assertTrue(kept > 0);
    assertTrue(zero >= windows.length - 1, "bytes allocated per window of " + 2 * algorithms.size()
        + " compilations: " + java.util.Arrays.toString(windows));
  }

  private static long compileAll(List<Algorithm> algorithms, CompiledAlgorithm compiled, Liveness rule,
      Liveness keepDraws) {
    long kept = 0;
    for (int a = 0, n = algorithms.size(); a < n; a++) {
      kept += compiled.compile(algorithms.get(a), SPACE, 4, rule).length();
      kept += compiled.compile(algorithms.get(a), SPACE, 8, keepDraws).length();
    }
    return kept;
  }
}
