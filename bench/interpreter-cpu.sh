#!/usr/bin/env bash
# The interpreter benchmark's workload timed by thread CPU time (for a shared, loaded machine,
# where JMH's wall-clock figures swing with the other processes): PAIRS pairs of JVMs, one with
# the kernels specialised to F=4 and one with them generic, alternating; task after task (the
# sequential interpreter, not the lanes that run ten tasks side by side).
#   bench/interpreter-cpu.sh [PAIRS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
for _ in $(seq "${1:-3}"); do
  for variant in specialised generic; do
    java -Xmx1g -cp "$cp" org.automlzero.bench.InterpreterCpuTimeBench "$variant" "${2:-8}"
  done
done
