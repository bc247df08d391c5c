#!/usr/bin/env bash
# Issue 2's ratio, the linear model interpreted over the same model written directly in Java, with
# the sides alternating in blocks so that a busy or drifting machine slows all alike
# (org.automlzero.bench.LinearRatioBench): RUNS JVMs of SECONDS of measurement each. The interpreter
# runs the 10 tasks task after task and side by side (one group of lanes, as the evaluator does).
#   bench/linear-ratio.sh [RUNS] [SECONDS]     default 2 runs of 15 s (about 45 s each with warm-up)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
for _ in $(seq "${1:-2}"); do
  java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.automlzero.bench.LinearRatioBench "${2:-15}"
done
