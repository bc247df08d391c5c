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
 * Writes a {@link PopulationState} to bytes and reads it back, field by field, as another process
 * would have to: proof that the state is complete and needs no shared objects.
 */
final class StateCodec {
  private StateCodec() {}

  static PopulationState roundTrip(PopulationState state) {
    return read(write(state));
  }

  static byte[] write(PopulationState state) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
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
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PopulationState read(byte[] bytes) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeIndividual(DataOutputStream out, Individual individual) throws IOException {
    out.writeLong(individual.id());
    out.writeDouble(individual.fitness());
    out.writeLong(individual.parentId());
    out.writeUTF(individual.mutation());
    out.writeLong(individual.born());
    out.writeInt(individual.bornEpoch());
    for (ComponentFunction function : ComponentFunction.values()) {
      List<Instruction> instructions = individual.algorithm().component(function);
      out.writeInt(instructions.size());
      for (Instruction i : instructions) {
        out.writeInt(i.op().code());
        out.writeInt(i.in1());
        out.writeInt(i.in2());
        out.writeInt(i.out());
        out.writeDouble(i.activation());
        out.writeFloat(i.data0());
        out.writeFloat(i.data1());
        out.writeFloat(i.data2());
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
    for (int f = 0; f < 3; f++) {
      int size = in.readInt();
      List<Instruction> instructions = new ArrayList<>(size);
      for (int k = 0; k < size; k++) {
        instructions.add(new Instruction(Op.ofCode(in.readInt()), in.readInt(), in.readInt(), in.readInt(),
            in.readDouble(), in.readFloat(), in.readFloat(), in.readFloat()));
      }
      functions.add(instructions);
    }
    Algorithm algorithm = new Algorithm(functions.get(0), functions.get(1), functions.get(2));
    return new Individual(id, algorithm, fitness, parentId, mutation, born, bornEpoch);
  }
}
