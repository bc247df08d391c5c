package org.automlzero.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.NativeCodeLoader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForklessLocalFileSystemTest {
  @TempDir
  java.nio.file.Path dir;

  @Test
  void everyPermissionMapsToTheSameBitsAsChmod() {
    for (int mode = 0; mode < 512; mode++) {
      FsPermission permission = new FsPermission((short) mode);
      assertEquals(PosixFilePermissions.fromString(permission.toString()), ForklessLocalFileSystem.posix(permission),
          permission.toString());
    }
  }

  @Test
  void configuredFileSystemsAreFreshForklessOnesAndOtherSchemesStayHadoops() throws IOException {
    Configuration hadoop = new Configuration();
    Configuration configured = ForklessLocalFileSystem.configure(hadoop);
    Path path = new Path(dir.toUri());
    FileSystem first = path.getFileSystem(configured);
    assertInstanceOf(ForklessLocalFileSystem.class, first);
    assertNotSame(first, path.getFileSystem(configured));
    assertEquals(LocalFileSystem.class, path.getFileSystem(hadoop).getClass());
    assertNull(hadoop.get("fs.file.impl.disable.cache"), "the original configuration is not changed");
  }

  @Test
  void filesAndFoldersGetThePermissionsAskedFor() throws IOException {
    FileSystem fs = new Path(dir.toUri()).getFileSystem(ForklessLocalFileSystem.configure(new Configuration()));
    Path folder = new Path(dir.resolve("a/b").toUri());
    assertTrue(fs.mkdirs(folder, new FsPermission((short) 0750)));
    Path file = new Path(folder, "f.txt");
    try (FSDataOutputStream out = fs.create(file, new FsPermission((short) 0640), false, 4096, (short) 1, 1 << 20,
        null)) {
      out.write("hello".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/f.txt"))));
    assertEquals("hello", Files.readString(dir.resolve("a/b/f.txt")));
    assertTrue(Files.exists(dir.resolve("a/b/.f.txt.crc")), "the checksum file is written as by Hadoop's");
  }

  @Test
  void writingParquetFilesStartsNoProcessWhereHadoopsLocalFileSystemStartsSome() throws IOException {
    assertEquals(0, processesStartedWriting(ForklessLocalFileSystem.configure(new Configuration()), "forkless"));
    // The control: the detection sees Hadoop's chmod processes, wherever Hadoop runs without its
    // native library (as with the jars Spark brings).
    int hadoops = processesStartedWriting(new Configuration(), "hadoop");
    if (!NativeCodeLoader.isNativeCodeLoaded()) {
      assertTrue(hadoops > 0, "Hadoop's local file system started no process");
    }
  }

  /** The processes this thread starts while writing a small Parquet file into a new folder. */
  private int processesStartedWriting(Configuration hadoop, String name) throws IOException {
    StructType schema = new StructType().add("x", DataTypes.IntegerType, false);
    java.nio.file.Path recordingFile = dir.resolve(name + ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ProcessStart");
      recording.start();
      ParquetRows.write(dir.resolve(name).toUri().toString(), "part-00000.snappy.parquet", schema, hadoop,
          List.<Row>of(RowFactory.create(1), RowFactory.create(2)));
      recording.stop();
      recording.dump(recordingFile);
    }
    assertTrue(Files.exists(dir.resolve(name).resolve("part-00000.snappy.parquet")));
    int started = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recordingFile)) {
      if (event.getThread() != null && event.getThread().getJavaThreadId() == Thread.currentThread().getId()) {
        started++;
      }
    }
    return started;
  }
}
