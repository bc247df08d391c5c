package org.automlzero.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.automlzero.program.Algorithm;
import org.automlzero.program.ComponentFunction;
import org.automlzero.program.Instruction;
import org.automlzero.program.Op;
import org.automlzero.search.Individual;
import org.automlzero.search.PopulationState;

/**
 * An {@link IslandState} as one compact byte array: what the executors cache between epochs.
 * Spark's memory store then holds one array per island instead of hundreds of thousands of row
 * objects, knows its size without walking it, and the garbage collector has almost nothing to
 * trace between epochs. {@link #decode} rebuilds an equal state (the bytes carry every field,
 * constants to the bit). The format lives only for one job (it is never stored): the Parquet
 * files are the durable form. Stateless.
 */
public final class IslandStateCodec {
  private static final int FORMAT = 1;

  private IslandStateCodec() {}

  public static byte[] encode(IslandState island) {
    PopulationState state = island.population();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      out.writeInt(state.island());
      out.writeLong(state.seed());
      out.writeLong(state.rngState());
      out.writeInt(state.epoch());
      out.writeInt(state.sweepPosition());
      out.writeLong(state.individuals());
      out.writeLong(state.hits());
      out.writeInt(state.members().size());
      for (Individual member : state.members()) {
        writeIndividual(out, member, island.taskFitness().get(member.id()));
      }
      out.writeBoolean(state.best() != null);
      if (state.best() != null) {
        writeIndividual(out, state.best(), island.taskFitness().get(state.best().id()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static IslandState decode(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IllegalArgumentException("island state format " + format + ", expected " + FORMAT);
      }
      int island = in.readInt();
      long seed = in.readLong();
      long rngState = in.readLong();
      int epoch = in.readInt();
      int sweepPosition = in.readInt();
      long individuals = in.readLong();
      long hits = in.readLong();
      int size = in.readInt();
      Map<Long, double[]> taskFitness = new HashMap<>();
      List<Individual> members = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        members.add(readIndividual(in, taskFitness));
      }
      Individual best = in.readBoolean() ? readIndividual(in, taskFitness) : null;
      return new IslandState(new PopulationState(island, seed, rngState, epoch, members, sweepPosition,
          individuals, hits, best), taskFitness);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeIndividual(DataOutputStream out, Individual individual, double[] taskFitness)
      throws IOException {
    out.writeLong(individual.id());
    out.writeDouble(individual.fitness());
    out.writeLong(individual.parentId());
    out.writeUTF(individual.mutation());
    out.writeLong(individual.born());
    out.writeInt(individual.bornEpoch());
    out.writeInt(taskFitness == null ? -1 : taskFitness.length);
    if (taskFitness != null) {
      for (double value : taskFitness) {
        out.writeDouble(value);
      }
    }
    for (ComponentFunction function : ComponentFunction.values()) {
      List<Instruction> instructions = individual.algorithm().component(function);
      out.writeInt(instructions.size());
      for (Instruction instruction : instructions) {
        out.writeByte(instruction.op().code());
        out.writeInt(instruction.in1());
        out.writeInt(instruction.in2());
        out.writeInt(instruction.out());
        out.writeDouble(instruction.activation());
        out.writeFloat(instruction.data0());
        out.writeFloat(instruction.data1());
        out.writeFloat(instruction.data2());
      }
    }
  }

  private static Individual readIndividual(DataInputStream in, Map<Long, double[]> taskFitness) throws IOException {
    long id = in.readLong();
    double fitness = in.readDouble();
    long parentId = in.readLong();
    String mutation = in.readUTF();
    long born = in.readLong();
    int bornEpoch = in.readInt();
    int tasks = in.readInt();
    if (tasks >= 0) {
      double[] values = new double[tasks];
      for (int t = 0; t < tasks; t++) {
        values[t] = in.readDouble();
      }
      taskFitness.put(id, values);
    }
    List<List<Instruction>> functions = new ArrayList<>(3);
    for (int f = 0; f < ComponentFunction.values().length; f++) {
      int size = in.readInt();
      List<Instruction> instructions = new ArrayList<>(size);
      for (int k = 0; k < size; k++) {
        instructions.add(new Instruction(Op.ofCode(in.readUnsignedByte()), in.readInt(), in.readInt(), in.readInt(),
            in.readDouble(), in.readFloat(), in.readFloat(), in.readFloat()));
      }
      functions.add(instructions);
    }
    return new Individual(id, new Algorithm(functions.get(0), functions.get(1), functions.get(2)), fitness, parentId,
        mutation, born, bornEpoch);
  }
}
