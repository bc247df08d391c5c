package org.automlzero.spark;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/** An HDFS for one test: a name node and one data node on 127.0.0.1 under {@code dir}, replication 1. */
public final class MiniHdfs {
  private MiniHdfs() {}

  /** Starts the cluster and waits until it is up; the caller shuts it down. */
  public static MiniDFSCluster start(Path dir) throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
    conf.setInt("dfs.replication", 1);
    MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    try {
      cluster.waitActive();
    } catch (IOException | RuntimeException e) {
      cluster.shutdown();
      throw e;
    }
    return cluster;
  }
}
