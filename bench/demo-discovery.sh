#!/usr/bin/env bash
# The reference demo (conf/demo-linear.conf) on one thread without Spark, once per seed: how many
# individuals and how much wall time until the search discovers linear regression, and the
# throughput with and without the functional-equivalence cache.
#   bench/demo-discovery.sh [SEEDS...]        default seeds 1 2 3 4 5
# Writes target/bench/demo-seed-N.log per seed and prints one summary line per seed.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=target/bench-runtime-classpath.txt -Dmdep.includeScope=runtime
mkdir -p target/bench
# A private copy of the classes, so that a rebuild during the (long) runs cannot change them.
rm -rf target/bench/classes && cp -r target/classes target/bench/classes
cp="target/bench/classes:$(cat target/bench-runtime-classpath.txt)"
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3 4 5)
for seed in "${seeds[@]}"; do
  log=target/bench/demo-seed-$seed.log
  start=$(date +%s.%N)
  java -cp "$cp" org.automlzero.cli.Main search conf/demo-linear.conf seed="$seed" search.progress_every=100000 > "$log"
  end=$(date +%s.%N)
  summary=$(grep '^experiments=' "$log")
  final=$(grep '^Final evaluation' "$log")
  printf 'seed=%s wall_s=%.1f %s | %s\n' "$seed" "$(echo "$end - $start" | bc)" "$summary" "$final"
done
# Throughput with and without the cache: one fixed-budget experiment (no discovery needed) of 2e8
# train steps, 10-25 s, so that the JIT's warm-up weighs little (5e7 before 2026-11-28 04:50 UTC).
for fec in true false; do
  java -cp "$cp" org.automlzero.cli.Main search conf/demo-linear.conf seed=1 search.fec.enabled=$fec \
    search.max_train_steps=200000000 experiment.max_experiments=1 search.progress_every=1000000000 \
    | grep '^experiments=' | sed "s/^/fec=$fec /"
done
