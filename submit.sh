#!/usr/bin/env bash
# Runs automl-zero-spark: the Spark search job, or the commands that need no Spark. See --help.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Which Spark to build for: SPARK_LINE=4 (Spark 4.2, Scala 2.13, the default) or 3.5 (Spark 3.5,
# Scala 2.12: the Maven profile spark-3.5); unset, a SPARK_HOME holding Scala 2.12 jars means 3.5.
SPARK_LINE="${SPARK_LINE:-}"
if [[ -z "$SPARK_LINE" ]]; then
  SPARK_LINE=4
  if [[ -n "${SPARK_HOME:-}" ]] && compgen -G "$SPARK_HOME/jars/spark-core_2.12-*.jar" > /dev/null; then
    SPARK_LINE=3.5
  fi
fi
case "$SPARK_LINE" in
  4)
    TARGET="$ROOT/target"
    JAR="$TARGET/automl-zero-spark-0.1.0-SNAPSHOT-cluster.jar"
    MVN_PROFILE=()
    ;;
  3.5)
    TARGET="$ROOT/target/spark-3.5"
    JAR="$TARGET/automl-zero-spark-0.1.0-SNAPSHOT-cluster-spark3.5.jar"
    MVN_PROFILE=(-Pspark-3.5)
    ;;
  *)
    echo "submit.sh: SPARK_LINE is '$SPARK_LINE'; use 4 (Spark 4.x, Scala 2.13) or 3.5 (Spark 3.5, Scala 2.12)" >&2
    exit 2
    ;;
esac
SPARK_JARS="$TARGET/spark-jars"
# The notebook kernel runs on the default (Spark 4) build: its jar and every compile and provided jar.
THIN_JAR="$ROOT/target/automl-zero-spark-0.1.0-SNAPSHOT.jar"
KERNEL_JARS="$ROOT/target/kernel-jars"
LOG_CONF="$ROOT/conf/log4j2.properties"
JOB_CLASS=org.automlzero.spark.SearchJob

usage() {
  cat <<'USAGE'
usage: ./submit.sh [SPARK-SUBMIT OPTIONS] CONFIG [key=value ...]
       ./submit.sh evaluate CONFIG PROGRAM [--on search|select|final] [key=value ...]
       ./submit.sh search-local CONFIG [key=value ...]
       ./submit.sh tune-baselines CONFIG [key=value ...]
       ./submit.sh [SPARK-SUBMIT OPTIONS] sql OUTPUT "SELECT ..." [--format table|csv|json]
       ./submit.sh kernel-install [--jupyter-path DIR]
       ./submit.sh --help

The first form runs the island-model search of CONFIG (HOCON; every key with its default is in
src/main/resources/reference.conf) as a Spark job, then the select and final stages, and writes
<run.output>/<run.name>/ (default runs/<config name>/): run.conf, population/, progress/, results/
(Parquet), summary.txt. key=value arguments override the config, e.g. islands.count=8
stop.max_epochs=20 run.output=hdfs:///user/me/amlz. Rerunning resumes from the last committed
epoch; run.start_over=true starts again.

Spark: with SPARK_HOME set, $SPARK_HOME/bin/spark-submit runs the job. Otherwise the job runs on
the Spark that the Maven build brings (org.apache.spark.deploy.SparkSubmit from target/spark-jars),
in local mode on all cores (--master local[*]) listening on 127.0.0.1 only; nothing but a JDK 17
and Maven is needed. Every spark-submit option before CONFIG passes through: --master URL
(spark://host:7077, yarn, k8s://..., local[N]), --deploy-mode, --conf k=v, --executor-memory,
--num-executors, --driver-memory (also the local JVM's heap), ... The application jar for
clusters is target/automl-zero-spark-0.1.0-SNAPSHOT-cluster.jar for Spark 4.x (Scala 2.13), and
target/spark-3.5/automl-zero-spark-0.1.0-SNAPSHOT-cluster-spark3.5.jar for Spark 3.5 (Scala 2.12);
Spark provided, the rest shaded. SPARK_LINE=3.5 builds and runs the latter (on Spark 3.5's jars
when SPARK_HOME is not set); with SPARK_HOME set, its Scala version picks the line unless
SPARK_LINE says otherwise. On a cluster, run.output must be a folder every node sees (hdfs://...).
--master yarn needs HADOOP_CONF_DIR (or YARN_CONF_DIR), which goes on the classpath, and without
SPARK_HOME --conf spark.yarn.jars=local:/jars/on/every/node/* or hdfs:///a/copy/of/target/spark-jars/*.

What is missing is built first: the jar (mvn -q -B package -DskipTests) when it is missing or
older than src/main or pom.xml, and target/spark-jars once (mvn dependency:copy-dependencies).
The job runs from a copy of the jar in target/submitted/ named by its content, so rebuilding
while a search runs does not disturb it.

evaluate      scores a program file on a task list of CONFIG, without Spark
search-local  the single-thread experiment driver (the reference's run_search_experiment), no Spark
tune-baselines  the linear model and the neural net tuned by random search on the select tasks
              (baselines.*), then scored on the final tasks, no Spark
sql           registers the runs at OUTPUT (a run folder or a folder of runs, any Hadoop URI) as the
              Spark SQL views population, progress, results and instructions (each with a run
              column), runs the query and prints all its rows (default: an aligned table)
kernel-install  installs the project's Jupyter kernel ("AutoML-Zero (Java, Spark)") for the user
              (~/.local/share/jupyter/kernels/automl-zero), or in DIR/kernels with --jupyter-path
              DIR (then run Jupyter with JUPYTER_PATH=DIR)

Spark's INFO logging is quieted by conf/log4j2.properties. Exit status: 0 done, 1 failed run,
2 bad input (bad config errors come before Spark starts and write nothing).
USAGE
}

jvm_flags() {
  sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$ROOT/pom.xml"
}

build() {
  if [[ ! -f "$JAR" ]] || [[ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]]; then
    echo "submit.sh: building $JAR" >&2
    mvn -q -B -f "$ROOT/pom.xml" "${MVN_PROFILE[@]}" package -DskipTests >&2
  fi
}

# The job runs from a copy of the jar named by its content, so that rebuilding (mvn package or test,
# or another ./submit.sh after a change) while a search runs cannot pull classes from under it.
# Copies not used for two days are removed (a running job keeps its open copy).
snapshot_jar() {
  local dir="$TARGET/submitted" sum copy
  mkdir -p "$dir"
  find "$dir" -name '*.jar' -atime +2 -delete 2>/dev/null || true
  sum="$(sha1sum "$JAR" | cut -c1-12)"
  copy="$dir/$(basename "$JAR" .jar)-$sum.jar"
  if [[ ! -f "$copy" ]]; then
    cp "$JAR" "$copy.tmp.$$" && mv -f "$copy.tmp.$$" "$copy"
  fi
  JAR="$copy"
}

spark_jars() {
  if [[ ! -d "$SPARK_JARS" ]] || [[ -z "$(ls -A "$SPARK_JARS")" ]]; then
    echo "submit.sh: copying Spark's jars to $SPARK_JARS" >&2
    mvn -q -B -f "$ROOT/pom.xml" "${MVN_PROFILE[@]}" dependency:copy-dependencies -DincludeScope=provided \
      -DoutputDirectory="$SPARK_JARS" >&2
  fi
}

# The kernel's classpath: the project's jar and every compile and provided dependency (Spark included).
kernel_jars() {
  if [[ ! -d "$KERNEL_JARS" ]] || [[ -z "$(ls -A "$KERNEL_JARS")" ]] || [[ "$ROOT/pom.xml" -nt "$KERNEL_JARS" ]]; then
    echo "submit.sh: copying the kernel's jars to $KERNEL_JARS" >&2
    rm -rf "$KERNEL_JARS"
    mvn -q -B -f "$ROOT/pom.xml" dependency:copy-dependencies -DincludeScope=compile \
      -DoutputDirectory="$KERNEL_JARS" >&2
  fi
}

json_string() {
  local text="${1//\\/\\\\}"
  printf '"%s"' "${text//\"/\\\"}"
}

kernel_install() {
  local jupyter_dir="${XDG_DATA_HOME:-$HOME/.local/share}/jupyter"
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --jupyter-path) jupyter_dir="$2"; shift 2 ;;
      *) echo "submit.sh: kernel-install takes [--jupyter-path DIR], not $1" >&2; exit 2 ;;
    esac
  done
  build
  kernel_jars
  local java_bin dir argv flag
  java_bin="$(command -v "${JAVA_HOME:+$JAVA_HOME/bin/}java")"
  dir="$jupyter_dir/kernels/automl-zero"
  mkdir -p "$dir"
  argv="$(json_string "$java_bin")"
  for flag in $(jvm_flags) -Xmx2g; do
    argv+=", $(json_string "$flag")"
  done
  argv+=", \"-cp\", $(json_string "$THIN_JAR:$KERNEL_JARS/*"), \"org.automlzero.notebook.KernelMain\", \"{connection_file}\""
  cat > "$dir/kernel.json" <<JSON
{
  "argv": [$argv],
  "display_name": "AutoML-Zero (Java, Spark)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {"SPARK_LOCAL_IP": "127.0.0.1"}
}
JSON
  echo "submit.sh: installed the kernel 'automl-zero' in $dir" >&2
  if [[ "$jupyter_dir" != "${XDG_DATA_HOME:-$HOME/.local/share}/jupyter" ]]; then
    echo "submit.sh: let Jupyter find it with JUPYTER_PATH=$jupyter_dir" >&2
  fi
}

case "${1:-}" in
  kernel-install)
    shift
    kernel_install "$@"
    exit 0
    ;;
  ""|-h|--help)
    usage
    [[ -n "${1:-}" ]] && exit 0 || exit 2
    ;;
  evaluate|search-local|tune-baselines)
    command="$1"; shift
    [[ "$command" == search-local ]] && command=search
    build
    snapshot_jar
    exec java -Dlog4j.configurationFile="$LOG_CONF" -cp "$JAR" org.automlzero.cli.Main "$command" "$@"
    ;;
esac

# spark-submit options before CONFIG; the ones without a value are listed here.
spark_opts=()
master=""
deploy_mode=""
driver_memory=""
driver_java_options=""
while [[ $# -gt 0 && "$1" == -* ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    -v|--verbose|--supervise) spark_opts+=("$1"); shift ;;
    --*=*) spark_opts+=("$1"); shift ;;
    *)
      if [[ $# -lt 2 ]]; then
        echo "submit.sh: option $1 needs a value" >&2; exit 2
      fi
      case "$1" in
        --master) master="$2" ;;
        --deploy-mode) deploy_mode="$2" ;;
        --driver-memory) driver_memory="$2" ;;
        --driver-java-options) driver_java_options="$2" ;;
      esac
      spark_opts+=("$1" "$2"); shift 2 ;;
  esac
done
if [[ "${1:-}" == sql ]]; then
  shift
  JOB_CLASS=org.automlzero.spark.analysis.SqlCommand
fi
if [[ $# -lt 1 ]]; then
  echo "submit.sh: CONFIG is missing (see ./submit.sh --help)" >&2
  exit 2
fi

build
snapshot_jar
if [[ -z "$master" ]]; then
  master="local[*]"
  spark_opts+=(--master "$master")
fi
if [[ "$master" == local* ]]; then
  # Local runs listen on the loopback interface only.
  export SPARK_LOCAL_IP=127.0.0.1
  spark_opts+=(--conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1)
fi

if [[ -n "${SPARK_HOME:-}" ]]; then
  if [[ -z "$driver_java_options" && "$deploy_mode" != cluster ]]; then
    spark_opts+=(--driver-java-options "-Dlog4j.configurationFile=file:$LOG_CONF")
  fi
  exec "$SPARK_HOME/bin/spark-submit" "${spark_opts[@]}" --class "$JOB_CLASS" "$JAR" "$@"
fi

spark_jars
# As Spark's own launcher does: the Hadoop configuration (YARN's resource manager, HDFS) is read from
# the folders HADOOP_CONF_DIR and YARN_CONF_DIR name, on the classpath.
hadoop_conf=""
for conf_dir in "${HADOOP_CONF_DIR:-}" "${YARN_CONF_DIR:-}"; do
  if [[ -n "$conf_dir" ]]; then hadoop_conf+="$conf_dir:"; fi
done
# shellcheck disable=SC2046
exec java $(jvm_flags) -Xmx"${driver_memory:-4g}" -Dlog4j.configurationFile="file:$LOG_CONF" \
  ${driver_java_options} -cp "${hadoop_conf}$SPARK_JARS/*" org.apache.spark.deploy.SparkSubmit \
  "${spark_opts[@]}" --class "$JOB_CLASS" "$JAR" "$@"
