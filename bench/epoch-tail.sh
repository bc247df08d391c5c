#!/usr/bin/env bash
# Where each epoch's wall time went, from a finished job's islands' own times (progress.seconds) and
# its progress lines: "tail", the makespan of the epoch's islands on SLOTS task slots (each island
# to the first free slot, in the order the stage started them: the previous epoch's times, longest
# first, as IslandPartitioner.longestFirst with one partition per island) minus their summed time
# over SLOTS; "rest", the epoch's wall time beyond that makespan (per-island writing, state, the
# driver between stages). Also what island order would have cost. Epochs 1 on.
#   bench/epoch-tail.sh [RUN_FOLDER] [LOG] [SLOTS]
#   default: bench/spark-overhead.sh's run and log (target/bench/runs/overhead, target/bench/spark-overhead.log), 2
set -euo pipefail
cd "$(dirname "$0")/.."
run=${1:-target/bench/runs/overhead}
log=${2:-target/bench/spark-overhead.log}
slots=${3:-2}
./submit.sh sql "$run" "SELECT epoch, island, seconds FROM progress ORDER BY epoch, island" --format csv \
  2>/dev/null > target/bench/epoch-tail.csv
python3 - target/bench/epoch-tail.csv "$log" "$slots" <<'PY'
import collections, csv, re, sys
seconds = collections.defaultdict(dict)
for row in csv.DictReader(open(sys.argv[1])):
    seconds[int(row["epoch"])][int(row["island"])] = float(row["seconds"])
slots = int(sys.argv[3])
walls, previous = {}, 0.0
for line in open(sys.argv[2]):
    m = re.match(r"epoch=(\d+),.*elapsed=([\d.]+)s", line)
    if m:
        walls[int(m.group(1))] = float(m.group(2)) - previous
        previous = float(m.group(2))

def makespan(order, times):
    free = [0.0] * slots
    for island in order:
        k = free.index(min(free))
        free[k] += times[island]
    return max(free)

tails, rests = [], []
for epoch in sorted(e for e in seconds if e > 0 and e in walls and e - 1 in seconds):
    times, wall = seconds[epoch], walls[epoch]
    even = sum(times.values()) / slots
    order = sorted(times, key=lambda i: (-seconds[epoch - 1][i], i))
    span = makespan(order, times)
    tails.append((span - even) / wall)
    rests.append((wall - span) / wall)
    print(f"epoch {epoch}: wall {wall:.1f} s, islands/slots {even:.1f} s, makespan {span:.1f} s: "
          f"tail {100 * tails[-1]:.1f}%, rest {100 * rests[-1]:.1f}% "
          f"(island order: tail {100 * (makespan(sorted(times), times) - even) / wall:.1f}%)")
if tails:
    print(f"mean: tail {100 * sum(tails) / len(tails):.1f}%, rest {100 * sum(rests) / len(rests):.1f}%")
PY
