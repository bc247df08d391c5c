package org.automlzero.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.Instruction;
import org.automlzero.program.InstructionRandomizer;
import org.automlzero.program.Kind;
import org.automlzero.program.Op;
import org.automlzero.random.Rng;
import org.automlzero.task.Task;
import org.automlzero.task.TaskGenerator;
import org.automlzero.task.TaskSpec;
import org.junit.jupiter.api.Test;

/**
 * The kernels run with F a literal (the op codes {@link CompiledAlgorithm} specialises for F = 2,
 * 4, 8 and 16) against the same kernels with F variable (the generic codes, which {@link
 * OpOracleTest} checks against independent oracles): the same bits, op by op on random memory with
 * every aliasing of the operands, and program by program through the executor.
 */
class KernelsTest {
  private static final AddressSpace SPACE = new AddressSpace(5, 4, 3);

  @Test
  void everySpecialisedOpGivesTheGenericBitsWithEveryAliasing() {
    SplittableRandom random = new SplittableRandom(20261127L);
    int checked = 0;
    for (int f : CompiledAlgorithm.SPECIALISED_SIZES) {
      for (Op op : specialisedOps(f)) {
        for (int trial = 0; trial < 4; trial++) {
          boolean specials = trial % 2 == 1;
          // Inputs from {0, 1, 2} and outputs from {1, 2}: out == in1, out == in2, in1 == in2 all occur.
          for (int in1 = 0; in1 <= (op.in1() == Kind.NONE ? 0 : 2); in1++) {
            for (int in2 = 0; in2 <= (op.in2() == Kind.NONE ? 0 : 2); in2++) {
              for (int out = 1; out <= 2; out++) {
                Instruction instruction = Instruction.of(op, in1, in2, out);
                Memory memory = OpOracleTest.randomMemory(f, random, specials);
                assertSameBits(run(instruction, memory, false), run(instruction, memory, true), instruction + " at F=" + f);
                checked++;
              }
            }
          }
        }
      }
    }
    assertTrue(checked > 4 * 39 * 4 * 6, "checked " + checked);
  }

  @Test
  void exactlyTheNonStochasticVectorAndMatrixOpsAreSpecialised() {
    List<Op> specialised = specialisedOps(4);
    assertEquals(39, specialised.size(), specialised.toString());
    assertTrue(specialised.contains(Op.VECTOR_INNER_PRODUCT) && specialised.contains(Op.MATRIX_MATRIX_PRODUCT)
        && specialised.contains(Op.VECTOR_RELU));
    for (Op op : specialised) {
      assertTrue(!op.isStochastic() && op.data() == Op.DataKind.NONE, op.toString());
    }
    for (int f : new int[] {3, 5, 17, 32, 784}) {
      assertEquals(List.of(), specialisedOps(f), "F=" + f + " has no specialised codes");
    }
  }

  @Test
  void specialisedOpCodesNeverMeetOtherCodes() {
    Set<Integer> codes = new HashSet<>();
    for (Op op : Op.values()) {
      assertTrue(codes.add(op.code()), op.toString());
    }
    for (int f : CompiledAlgorithm.SPECIALISED_SIZES) {
      for (Op op : specialisedOps(f)) {
        Instruction instruction = InstructionRandomizer.random(op, SPACE, new Rng(2));
        assertTrue(codes.add(compile(instruction, f, true).code[0]), op + " at F=" + f);
      }
    }
  }

  @Test
  void randomProgramsScoreTheSameBitsSpecialisedOrNot() {
    List<Op> ops = new ArrayList<>();
    for (Op op : Op.values()) {
      if (op != Op.NO_OP) {
        ops.add(op);
      }
    }
    Rng programs = new Rng(77);
    int compared = 0;
    int nonZero = 0;
    for (int f : CompiledAlgorithm.SPECIALISED_SIZES) {
      List<Task> tasks = new TaskGenerator().generate(TaskSpec.linearRegression(f, 20, 10, 1), f);
      Task task = tasks.get(0);
      Executor genericExecutor = new Executor(SPACE);
      Executor specialisedExecutor = new Executor(SPACE);
      CompiledAlgorithm generic = new CompiledAlgorithm(false);
      CompiledAlgorithm specialised = new CompiledAlgorithm(true);
      for (int i = 0; i < 300; i++) {
        Algorithm algorithm = new Algorithm(
            random(ops, 6, programs), random(ops, 4, programs), random(ops, 6, programs));
        generic.compile(algorithm, SPACE, f);
        specialised.compile(algorithm, SPACE, f);
        long seed = programs.nextLong();
        double expected = genericExecutor.execute(generic, task, task.maxTrainExamples(), task.numValid(),
            new Rng(seed), 100.0);
        double actual = specialisedExecutor.execute(specialised, task, task.maxTrainExamples(), task.numValid(),
            new Rng(seed), 100.0);
        String where = "F=" + f + "\n" + algorithm;
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), where);
        assertSameBits(genericExecutor.memory(), specialisedExecutor.memory(), where);
        compared++;
        if (expected > 0) {
          nonZero++;
        }
      }
    }
    assertEquals(4 * 300, compared);
    assertTrue(nonZero > 100, "only " + nonZero + " programs scored above 0; the comparison says little");
  }

  private static List<Instruction> random(List<Op> ops, int size, Rng rng) {
    List<Instruction> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(InstructionRandomizer.random(ops.get(rng.nextInt(ops.size())), SPACE, rng));
    }
    return list;
  }

  /** The ops whose code at features size {@code f} differs from the generic one. */
  private static List<Op> specialisedOps(int f) {
    List<Op> ops = new ArrayList<>();
    for (Op op : Op.values()) {
      if (op == Op.NO_OP || !SPACE.supports(op)) {
        continue;
      }
      Instruction instruction = InstructionRandomizer.random(op, SPACE, new Rng(1));
      if (compile(instruction, f, true).code[0] != compile(instruction, f, false).code[0]) {
        ops.add(op);
      }
    }
    return ops;
  }

  private static CompiledAlgorithm compile(Instruction instruction, int f, boolean specialise) {
    return new CompiledAlgorithm(specialise).compile(new Algorithm(List.of(instruction), List.of(), List.of()), SPACE, f);
  }

  private static Memory run(Instruction instruction, Memory memory, boolean specialise) {
    Memory copy = OpOracleTest.copy(memory);
    CompiledAlgorithm compiled = compile(instruction, memory.featuresSize, specialise);
    Interpreter.run(compiled, 0, compiled.setupEnd, copy, new Rng(3));
    return copy;
  }

  private static void assertSameBits(Memory expected, Memory actual, String where) {
    assertSameBits(Arrays.copyOf(expected.data, expected.scratchBase), Arrays.copyOf(actual.data, actual.scratchBase),
        "scalars, vectors and matrices of " + where);
  }

  /**
   * Same bits for every number; any NaN equals any NaN (which NaN payload an operation on NaNs keeps
   * depends on operand order in the JIT's code, not on our kernels, and every NaN means the same).
   */
  private static void assertSameBits(double[] expected, double[] actual, String where) {
    assertEquals(expected.length, actual.length, where);
    for (int i = 0; i < expected.length; i++) {
      if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
        fail(where + " at " + i + ": generic " + expected[i] + ", specialised " + actual[i]);
      }
    }
  }
}
