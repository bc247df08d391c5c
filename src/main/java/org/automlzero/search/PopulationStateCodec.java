package org.automlzero.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.automlzero.program.Algorithm;
import org.automlzero.program.ComponentFunction;
import org.automlzero.program.Instruction;
import org.automlzero.program.Op;

/**
 * A {@link PopulationState} as bytes, field by field, and back: every field, constants to the bit,
 * so that {@link #read} rebuilds an equal state in another process with no shared objects. The
 * compact form the Spark job caches islands in between epochs; never stored (Parquet is the durable
 * form), so the format may change between versions. Stateless.
 */
public final class PopulationStateCodec {
  private PopulationStateCodec() {}

  public static byte[] encode(PopulationState state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(out, state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static PopulationState decode(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(DataOutputStream out, PopulationState state) throws IOException {
    out.writeInt(state.island());
    out.writeLong(state.seed());
    out.writeLong(state.rngState());
    out.writeInt(state.epoch());
    out.writeInt(state.sweepPosition());
    out.writeLong(state.individuals());
    out.writeLong(state.hits());
    out.writeInt(state.members().size());
    for (Individual member : state.members()) {
      writeIndividual(out, member);
    }
    out.writeBoolean(state.best() != null);
    if (state.best() != null) {
      writeIndividual(out, state.best());
    }
  }

  public static PopulationState read(DataInputStream in) throws IOException {
    int island = in.readInt();
    long seed = in.readLong();
    long rngState = in.readLong();
    int epoch = in.readInt();
    int sweepPosition = in.readInt();
    long individuals = in.readLong();
    long hits = in.readLong();
    int size = in.readInt();
    List<Individual> members = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      members.add(readIndividual(in));
    }
    Individual best = in.readBoolean() ? readIndividual(in) : null;
    return new PopulationState(island, seed, rngState, epoch, members, sweepPosition, individuals, hits, best);
  }

  private static void writeIndividual(DataOutputStream out, Individual individual) throws IOException {
    out.writeLong(individual.id());
    out.writeDouble(individual.fitness());
    out.writeLong(individual.parentId());
    out.writeUTF(individual.mutation());
    out.writeLong(individual.born());
    out.writeInt(individual.bornEpoch());
    for (ComponentFunction function : ComponentFunction.ALL) {
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

  private static Individual readIndividual(DataInputStream in) throws IOException {
    long id = in.readLong();
    double fitness = in.readDouble();
    long parentId = in.readLong();
    String mutation = in.readUTF();
    long born = in.readLong();
    int bornEpoch = in.readInt();
    List<List<Instruction>> functions = new ArrayList<>(3);
    for (int f = 0; f < ComponentFunction.ALL.size(); f++) {
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
