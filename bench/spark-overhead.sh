#!/usr/bin/env bash
# The Spark job's throughput against the same islands as plain Java threads in one JVM (issue 4):
# the demo config, migration off (so both do exactly the same work), EPOCHS epochs, 2 local cores.
#   bench/spark-overhead.sh [EPOCHS] [key=value ...]     default 6 epochs
# Prints the Spark job's progress lines (each with its share of task-slot time spent evaluating),
# both throughputs and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${1:-6}
shift || true
common=(islands.migration.interval=0 "$@")
mkdir -p target/bench
./submit.sh --master 'local[2]' conf/demo-linear.conf "${common[@]}" stop.max_epochs="$epochs" \
  stop.sufficient_fitness=0 stop.max_individuals=0 run.output=target/bench/runs run.name=overhead \
  run.start_over=true > target/bench/spark-overhead.log 2>&1
grep '^epoch=' target/bench/spark-overhead.log
spark_line=$(grep 'individuals; search' target/bench/spark-overhead.log)
echo "spark:   $spark_line"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
threads_line=$(java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.automlzero.spark.IslandThreadsBench conf/demo-linear.conf 2 "$epochs" "${common[@]}")
echo "threads: $threads_line"
python3 - "$spark_line" "$threads_line" <<'PY'
import re, sys
spark, threads = sys.argv[1], sys.argv[2]
n = int(re.search(r"(\d+) individuals; search", spark).group(1))
s = float(re.search(r"search ([\d.]+) s", spark).group(1))
t = float(re.search(r"indivs/s=(\d+)", threads).group(1))
print(f"spark indivs/s={n / s:.0f} threads indivs/s={t:.0f} ratio={n / s / t:.3f}")
PY
