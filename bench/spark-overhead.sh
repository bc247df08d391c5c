#!/usr/bin/env bash
# The Spark job's throughput against the same islands as plain Java threads in one JVM (issue 4):
# the demo config, migration off (so both do exactly the same work), EPOCHS epochs, 2 local cores.
#   bench/spark-overhead.sh [EPOCHS] [key=value ...]     default 3 epochs (38.4 million individuals at the
#   default epoch of 800,000 per island; about 20 minutes on 2 cores)
# Prints the Spark job's progress lines (each with its share of task-slot time spent evaluating),
# the throughputs and their ratios, and the CPU times per individual (whole JVM) and their ratios.
# Two thread baselines (IslandThreadsBench): "plain", the islands' regularized evolution alone (the
# issue's yardstick), and "job", the function the job's tasks run per island (the evolution plus the
# lineage and per-task fitness the job records), so that Spark's own share shows apart; plain runs
# once before job and once after, and the ratios are printed against each run.
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${1:-3}
shift || true
common=(islands.migration.interval=0 "$@")
mkdir -p target/bench
echo "load average at the start: $(cut -d" " -f1-3 /proc/loadavg)"
./submit.sh --master 'local[2]' conf/demo-linear.conf "${common[@]}" stop.max_epochs="$epochs" \
  stop.sufficient_fitness=0 stop.max_individuals=0 run.output=target/bench/runs run.name=overhead \
  run.start_over=true > target/bench/spark-overhead.log 2>&1
grep '^epoch=' target/bench/spark-overhead.log
spark_line=$(grep 'individuals; search' target/bench/spark-overhead.log)
cpu_line=$(grep 'CPU-seconds during the search' target/bench/spark-overhead.log)
echo "spark:   $spark_line"
echo "         $cpu_line"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
threads=()
# plain twice, before and after job: the VM's speed drifts within a run (10-20% here), and the
# two plain runs bracket it.
for work in plain job plain; do
  line=$(java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.automlzero.spark.IslandThreadsBench "$work" conf/demo-linear.conf 2 "$epochs" "${common[@]}")
  echo "threads: $line"
  threads+=("$line")
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$spark_line" "$cpu_line" "${threads[@]}" <<'PY'
import re, sys
spark, cpu_line, lines = sys.argv[1], sys.argv[2], sys.argv[3:]
n = int(re.search(r"(\d+) individuals; search", spark).group(1))
s = float(re.search(r"search ([\d.]+) s", spark).group(1))
cpu = float(re.search(r"used ([\d.]+) CPU-seconds", cpu_line).group(1))
# After the first epoch (JIT warm-up, and Spark's start-up code, fall mostly in the first).
epochs = [(int(a), float(b)) for a, b in re.findall(r"indivs=(\d+),.*elapsed=([\d.]+)s", open("target/bench/spark-overhead.log").read())]
for k, threads in enumerate(lines):
    work = re.search(r"work=(\w+)", threads).group(1) + f" (baseline run {k + 1})"
    t = float(re.search(r" indivs/s=(\d+)", threads).group(1))
    tn = int(re.search(r"individuals=(\d+)", threads).group(1))
    tcpu = float(re.search(r"cpu=([\d.]+)", threads).group(1))
    print(f"against {work} threads: spark indivs/s={n / s:.0f} threads indivs/s={t:.0f} ratio={n / s / t:.3f}")
    if len(epochs) > 1:
        sa = (epochs[-1][0] - epochs[0][0]) / (epochs[-1][1] - epochs[0][1])
        ta = float(re.search(r"after_epoch0_indivs/s=(\d+)", threads).group(1))
        print(f"  after epoch 0: spark indivs/s={sa:.0f} threads indivs/s={ta:.0f} ratio={sa / ta:.3f}")
    # CPU time per individual (all threads of each JVM), which other load on the machine disturbs
    # less than wall time: threads' over Spark's is the share of the job's CPU the same work needs.
    print(f"  CPU-s per 1000 individuals: spark={1000 * cpu / n:.3f} threads={1000 * tcpu / tn:.3f}"
          f" ratio={(tcpu / tn) / (cpu / n):.3f}")
PY
