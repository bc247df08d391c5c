#!/usr/bin/env bash
# The interpreter benchmark's workload timed by thread CPU time, variants alternating in rounds
# (for a shared, loaded machine where JMH's wall-clock figures swing with the other processes).
#   bench/interpreter-cpu.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.automlzero.bench.InterpreterCpuTimeBench "$@"
