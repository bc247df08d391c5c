#!/usr/bin/env bash
# The soak run of issue 5: a search with many islands for a long time on local mode, the job's memory
# sampled throughout, then killed and resumed to show that it continues cleanly.
#   bench/soak.sh [MINUTES] [ISLANDS] [key=value ...]      default 60 minutes, 32 islands
# Runs conf/demo-linear.conf (no stop on fitness, so it searches the whole time) until MINUTES of
# search, sampling every 30 s: the JVM's resident set (ps), its heap use and old generation (jstat),
# its threads, and Spark's storage memory in use (cached broadcasts and islands; the REST API of the
# UI). In local mode the driver and the executor are this one JVM. -Xlog:gc writes the heap after
# every collection. Then SIGKILL in the middle of an epoch, a rerun of the same command with
# stop.max_epochs = (last committed epoch + 4) that resumes, and a check of the resumed run.
# Output in target/bench/soak/: samples.csv, gc.log, run.log, resume.log; a summary on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-60}
islands=${2:-32}
shift 2 || shift $# || true
out=target/bench/soak
rm -rf "$out" && mkdir -p "$out"
ui_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
common=(conf/demo-linear.conf islands.count="$islands" islands.individuals_per_epoch=20000
  stop.sufficient_fitness=0 stop.max_individuals=0 run.output="$out/runs" run.name=soak "$@")
echo "soak: $islands islands, $minutes minutes, load average at the start $(cut -d' ' -f1-3 /proc/loadavg)"

./submit.sh --conf spark.ui.port="$ui_port" --driver-java-options "-Xlog:gc:file=$PWD/$out/gc.log:uptime" \
  "${common[@]}" stop.max_wall_seconds=$((minutes * 60 + 600)) run.start_over=true > "$out/run.log" 2>&1 &
pid=$!  # submit.sh execs the JVM: this is the driver's (and, in local mode, the executor's) process

storage_mb() {
  curl -s --max-time 5 "http://127.0.0.1:$ui_port/api/v1/applications" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])' 2>/dev/null \
    | { read -r app && curl -s --max-time 5 "http://127.0.0.1:$ui_port/api/v1/applications/$app/executors" \
        | python3 -c 'import json,sys; print(round(sum(e["memoryUsed"] for e in json.load(sys.stdin)) / 2**20, 1))'; } \
    2>/dev/null || echo ""
}

echo "seconds,epoch,rss_mb,heap_used_mb,old_used_mb,metaspace_mb,threads,spark_storage_mb" > "$out/samples.csv"
start=$(date +%s)
while kill -0 "$pid" 2>/dev/null; do
  now=$(($(date +%s) - start))
  if ((now >= minutes * 60)) && grep -q '^epoch=' "$out/run.log"; then
    # Kill in the middle of an epoch: just after a progress line would be the start of one.
    last=$(grep -c '^epoch=' "$out/run.log")
    while [[ $(grep -c '^epoch=' "$out/run.log") == "$last" ]] && kill -0 "$pid" 2>/dev/null; do sleep 1; done
    sleep 5
    kill -KILL "$pid" 2>/dev/null || true
    break
  fi
  gc=$(jstat -gc "$pid" 2>/dev/null | tail -1 || true)
  if [[ -n "$gc" && "$gc" != *S0C* ]]; then
    read -r heap old meta < <(echo "$gc" | awk '{printf "%.1f %.1f %.1f\n", ($3+$4+$6+$8)/1024, $8/1024, $10/1024}')
    rss=$(awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$pid/status" 2>/dev/null || echo "")
    threads=$(awk '/Threads/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo "")
    epoch=$(grep '^epoch=' "$out/run.log" | tail -1 | sed 's/^epoch=\([0-9]*\),.*/\1/' || true)
    echo "$now,${epoch:-},$rss,$heap,$old,$meta,$threads,$(storage_mb)" >> "$out/samples.csv"
  fi
  sleep 30
done
wait "$pid" 2>/dev/null || true
grep '^epoch=' "$out/run.log" | tail -3 || true
last_committed=$(grep '^epoch=' "$out/run.log" | tail -1 | sed 's/^epoch=\([0-9]*\),.*/\1/' || true)
echo "killed at $(($(date +%s) - start)) s after the start; last progress line: epoch $last_committed"

# The resume: the same command (stop.* may change) continues from the last committed epoch.
target_epochs=$((last_committed + 1 + 4))
./submit.sh --conf spark.ui.port="$ui_port" "${common[@]}" stop.max_epochs="$target_epochs" \
  > "$out/resume.log" 2>&1
grep -i 'resum' "$out/resume.log" | head -3 || true
grep '^epoch=' "$out/resume.log" | head -2 || true
grep '^epoch=' "$out/resume.log" | tail -1 || true
grep -A3 'final' "$out/resume.log" | head -6 || true

python3 - "$out" <<'PY'
import csv, re, sys
out = sys.argv[1]
rows = [r for r in csv.DictReader(open(f"{out}/samples.csv"))]
def col(name, rs):
    return [float(r[name]) for r in rs if r[name]]
n = len(rows)
tenth = max(1, n // 6)
for name in ["rss_mb", "heap_used_mb", "old_used_mb", "metaspace_mb", "threads", "spark_storage_mb"]:
    first, last = col(name, rows[tenth:2 * tenth]), col(name, rows[-tenth:])
    if first and last:
        print(f"{name:17s} 2nd sixth: min {min(first):8.1f} max {max(first):8.1f}   "
              f"last sixth: min {min(last):8.1f} max {max(last):8.1f}   whole run max {max(col(name, rows)):8.1f}")
# Heap after each collection (from -Xlog:gc): its lowest value in a stretch of the run is the
# live set then (young collections leave old garbage until a mixed one), which must not keep growing.
after = []
for line in open(f"{out}/gc.log"):
    m = re.search(r"\[([\d.]+)s\].*Pause .*?(\d+)M->(\d+)M", line)
    if m:
        after.append((float(m.group(1)), int(m.group(3))))
if after:
    end = after[-1][0]
    bins = [[a for t, a in after if i * end / 6 <= t < (i + 1) * end / 6 or (i == 5 and t == end)] for i in range(6)]
    print(f"collections: {len(after)}; heap after collection (MB) per sixth of the run, lowest / highest:")
    print("  " + "  ".join(f"{min(b)}/{max(b)}" if b else "-" for b in bins))
PY
