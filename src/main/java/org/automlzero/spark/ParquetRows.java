package org.automlzero.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes {@link Row}s of a {@link StructType} straight to a Parquet file with Parquet's own writer,
 * in the layout Spark SQL writes (standard three-level lists, strings as UTF-8 binaries, the Spark
 * schema in the footer, Snappy), so that {@code spark.read().parquet} reads the files exactly as
 * its own. It skips Spark SQL's conversion of rows to its internal format and its query planning,
 * which cost the evolution stage about a fifth of its CPU time when Spark wrote the populations.
 * Handles the types of {@link PopulationCodec}'s schemas: int, bigint, double, float, string,
 * arrays and structs, nullable or not.
 *
 * <p>A file is written under a name starting with {@code _} (which Spark's readers skip) and renamed
 * to its final name when complete, so a reader never sees half a file; a file whose final name
 * exists already is not written again (a retried or recomputed task writes the same content).
 * Each {@link Writer} is used by one thread.
 */
public final class ParquetRows {
  /** The footer key under which Spark SQL keeps a file's Spark schema (as its own writer does). */
  static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  private ParquetRows() {}

  /** The Parquet schema Spark SQL writes for {@code schema}. */
  public static MessageType messageType(StructType schema) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (StructField field : schema.fields()) {
      message.addField(type(field.name(), field.dataType(), field.nullable()));
    }
    return message.named("spark_schema");
  }

  private static Type type(String name, DataType type, boolean nullable) {
    Type.Repetition repetition = nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
    if (type.equals(DataTypes.IntegerType)) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
    } else if (type.equals(DataTypes.LongType)) {
      return Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
    } else if (type.equals(DataTypes.DoubleType)) {
      return Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
    } else if (type.equals(DataTypes.FloatType)) {
      return Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
    } else if (type.equals(DataTypes.StringType)) {
      return Types.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType()).named(name);
    } else if (type instanceof ArrayType array) {
      return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
          .addField(Types.repeatedGroup().addField(type("element", array.elementType(), array.containsNull()))
              .named("list"))
          .named(name);
    } else if (type instanceof StructType struct) {
      Types.GroupBuilder<org.apache.parquet.schema.GroupType> group = Types.buildGroup(repetition);
      for (StructField field : struct.fields()) {
        group.addField(type(field.name(), field.dataType(), field.nullable()));
      }
      return group.named(name);
    }
    throw new IllegalArgumentException("column " + name + ": type " + type.simpleString() + " is not supported");
  }

  /**
   * Opens a writer of {@code schema} rows to the file {@code dir/name}; {@link Writer#close} puts
   * the file in place. Returns null when that file exists already.
   */
  public static Writer open(String dir, String name, StructType schema, Configuration hadoop) {
    Path target = new Path(dir, name);
    try {
      FileSystem fs = target.getFileSystem(hadoop);
      if (fs.exists(target)) {
        return null;
      }
      Path temporary = new Path(dir, "_" + name + "." + java.util.UUID.randomUUID() + ".tmp");
      OutputFile file = HadoopOutputFile.fromPath(temporary, hadoop);
      ParquetWriter<Row> writer = new Builder(file, schema).withConf(hadoop)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
          .withCompressionCodec(CompressionCodecName.SNAPPY).build();
      return new Writer(fs, writer, temporary, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code rows} to the file {@code dir/name} unless it exists. */
  public static void write(String dir, String name, StructType schema, Configuration hadoop, Iterable<Row> rows) {
    Writer writer = open(dir, name, schema, hadoop);
    if (writer == null) {
      return;
    }
    try {
      for (Row row : rows) {
        writer.write(row);
      }
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
    writer.close();
  }

  /** One file being written. Not thread-safe. */
  public static final class Writer {
    private final FileSystem fs;
    private final ParquetWriter<Row> parquet;
    private final Path temporary;
    private final Path target;
    private boolean failed;

    private Writer(FileSystem fs, ParquetWriter<Row> parquet, Path temporary, Path target) {
      this.fs = fs;
      this.parquet = parquet;
      this.temporary = temporary;
      this.target = target;
    }

    public void write(Row row) {
      try {
        parquet.write(row);
      } catch (IOException | RuntimeException e) {
        failed = true;
        throw e instanceof IOException io ? new UncheckedIOException(target + ": " + io.getMessage(), io)
            : (RuntimeException) e;
      }
    }

    /** Drops the file: closes it and deletes what was written (for a task that failed midway). */
    public void abort() {
      failed = true;
      close();
    }

    /** Completes the file and moves it to its name (unless a write failed: then it is deleted). */
    public void close() {
      try {
        parquet.close();
        if (failed || fs.exists(target)) {
          fs.delete(temporary, false);
        } else if (!fs.rename(temporary, target) && !fs.exists(target)) {
          throw new IOException("cannot rename " + temporary + " to " + target);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
      }
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
    private final StructType schema;

    Builder(OutputFile file, StructType schema) {
      super(file);
      this.schema = schema;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(Configuration conf) {
      return new RowWriteSupport(schema);
    }
  }

  /** Walks a row field by field into Parquet's record consumer. */
  private static final class RowWriteSupport extends WriteSupport<Row> {
    private final StructType schema;
    private RecordConsumer consumer;

    RowWriteSupport(StructType schema) {
      this.schema = schema;
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(messageType(schema), Map.of(SPARK_SCHEMA_KEY, schema.json()));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Row row) {
      consumer.startMessage();
      writeFields(row, schema);
      consumer.endMessage();
    }

    private void writeFields(Row row, StructType struct) {
      StructField[] fields = struct.fields();
      for (int i = 0; i < fields.length; i++) {
        Object value = row.get(i);
        if (value == null) {
          if (!fields[i].nullable()) {
            throw new IllegalArgumentException("column " + fields[i].name() + " is null but not nullable");
          }
          continue;
        }
        consumer.startField(fields[i].name(), i);
        writeValue(value, fields[i].dataType());
        consumer.endField(fields[i].name(), i);
      }
    }

    private void writeValue(Object value, DataType type) {
      if (type instanceof StructType struct) {
        consumer.startGroup();
        writeFields((Row) value, struct);
        consumer.endGroup();
      } else if (type instanceof ArrayType array) {
        writeList(elements(value), array.elementType());
      } else if (value instanceof Integer v) {
        consumer.addInteger(v);
      } else if (value instanceof Long v) {
        consumer.addLong(v);
      } else if (value instanceof Double v) {
        consumer.addDouble(v);
      } else if (value instanceof Float v) {
        consumer.addFloat(v);
      } else if (value instanceof String v) {
        consumer.addBinary(Binary.fromString(v));
      } else {
        throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as " + type.simpleString());
      }
    }

    private void writeList(Iterator<?> elements, DataType elementType) {
      consumer.startGroup();
      if (elements.hasNext()) {
        consumer.startField("list", 0);
        while (elements.hasNext()) {
          Object element = elements.next();
          consumer.startGroup();
          if (element != null) {
            consumer.startField("element", 0);
            writeValue(element, elementType);
            consumer.endField("element", 0);
          }
          consumer.endGroup();
        }
        consumer.endField("list", 0);
      }
      consumer.endGroup();
    }

    private static Iterator<?> elements(Object value) {
      if (value instanceof scala.collection.Iterable<?> seq) {
        // By hand: scala.jdk.javaapi (Scala 2.13) is not in Scala 2.12 (the spark-3.5 profile).
        scala.collection.Iterator<?> elements = seq.iterator();
        return new Iterator<Object>() {
          @Override
          public boolean hasNext() {
            return elements.hasNext();
          }

          @Override
          public Object next() {
            return elements.next();
          }
        };
      } else if (value instanceof Iterable<?> list) {
        return list.iterator();
      }
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as an array");
    }
  }
}
