#!/usr/bin/env bash
# Runs the JMH benchmarks of src/test/java/org/automlzero/bench on this machine.
#   bench/jmh.sh                              all benchmarks
#   bench/jmh.sh InterpreterBenchmark -t 1    any JMH options pass through
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main "$@"
