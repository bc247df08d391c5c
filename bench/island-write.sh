#!/usr/bin/env bash
# What an evolution task does per island besides evolving it (org.automlzero.spark.IslandWriteBench):
# encoding and decoding the island's state, building its population rows, writing them and its birth
# rows as Parquet; median milliseconds of a warm loop, no Spark.
#   bench/island-write.sh [ROUNDS] [INDIVIDUALS]     default 200 rounds, an island after 2 epochs of 30000
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.automlzero.spark.IslandWriteBench conf/demo-linear.conf "${1:-200}" "${2:-30000}"
