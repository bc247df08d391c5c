package org.automlzero.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.automlzero.search.Individual;
import org.automlzero.search.PopulationState;
import org.automlzero.search.PopulationStateCodec;

/**
 * An {@link IslandState} as one compact byte array: what the executors cache between epochs.
 * Spark's memory store then holds one array per island instead of hundreds of thousands of row
 * objects, knows its size without walking it, and the garbage collector has almost nothing to
 * trace between epochs. {@link #decode} rebuilds an equal state: the population as
 * {@link PopulationStateCodec} writes it, then the per-task fitness of each member and of the best.
 * The format lives only for one job (it is never stored): the Parquet files are the durable form.
 * Stateless.
 */
public final class IslandStateCodec {
  private static final int FORMAT = 2;

  private IslandStateCodec() {}

  public static byte[] encode(IslandState island) {
    PopulationState state = island.population();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      PopulationStateCodec.write(out, state);
      for (Individual member : state.members()) {
        writeTaskFitness(out, island.taskFitness().get(member.id()));
      }
      if (state.best() != null) {
        writeTaskFitness(out, island.taskFitness().get(state.best().id()));
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
      PopulationState state = PopulationStateCodec.read(in);
      Map<Long, double[]> taskFitness = new HashMap<>();
      for (Individual member : state.members()) {
        readTaskFitness(in, member.id(), taskFitness);
      }
      if (state.best() != null) {
        readTaskFitness(in, state.best().id(), taskFitness);
      }
      return new IslandState(state, taskFitness);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeTaskFitness(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values == null ? -1 : values.length);
    if (values != null) {
      for (double value : values) {
        out.writeDouble(value);
      }
    }
  }

  private static void readTaskFitness(DataInputStream in, long id, Map<Long, double[]> taskFitness)
      throws IOException {
    int tasks = in.readInt();
    if (tasks >= 0) {
      double[] values = new double[tasks];
      for (int t = 0; t < tasks; t++) {
        values[t] = in.readDouble();
      }
      taskFitness.put(id, values);
    }
  }
}
