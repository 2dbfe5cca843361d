#!/usr/bin/env bash
# Lethe's benchmark, one command (see docs/benchmarks.md):
#
#   bench/run.sh [--rows 1000000] [--only postgres|mariadb|sqlite|memory|impact|redis]... [--repeat K] [--no-build]
#
# Builds lethe.jar and the harness, installs pt-archiver when the MariaDB scenario wants it and it is missing,
# then runs the harness (bench/target/lethe-bench.jar). For each database it builds the pending-uploads
# dataset server-side, gives every contender (Lethe and its anchors) its own fresh identical copy, times it,
# checks the rows it left, and prints the ratios. Results: bench/results/bench-<UTC time>.json and .md.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and MariaDB on 127.0.0.1:3306 (root, no password)
# for those scenarios; the redis scenario (dev.lethe.bench.RedisBench) starts a redis-server of its own and
# writes bench/results/redis-<UTC time>.md (--repeat and --contender apply to it too; --redis-jfr DIR records
# every Lethe run of it with Java Flight Recorder; --redis-baseline-jar JAR times an earlier build next to this
# one). --only impact (never run unless named) measures a concurrent pgbench workload on PostgreSQL alone and
# while each sweep runs; pgbench is installed (postgresql-client) when missing. Never run by the test suite:
# nothing in bench/ is a test.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"

log() { echo "bench/run.sh: $*" >&2; }

build=1
only=()
args=()
keys=1000000
redis_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0 ;;
    --only)
      [[ $# -ge 2 ]] || { log "--only needs a value"; exit 2; }
      only+=("$2")
      # redis is its own main class; the harness gets the other names.
      rest=$(printf '%s' "$2" | tr ',' '\n' | { grep -vx redis || true; } | paste -sd, -)
      [[ -n $rest ]] && args+=("$1" "$rest")
      shift ;;
    --rows)
      [[ $# -ge 2 ]] || { log "--rows needs a value"; exit 2; }
      keys=$2; args+=("$1" "$2"); shift ;;
    --repeat|--contender)
      [[ $# -ge 2 ]] || { log "$1 needs a value"; exit 2; }
      # Both scenarios' mains take these.
      args+=("$1" "$2"); redis_args+=("$1" "$2"); shift ;;
    --redis-jfr)
      [[ $# -ge 2 ]] || { log "$1 needs a value"; exit 2; }
      # A flight recording of every Lethe run of the redis scenario, into this directory.
      redis_args+=(--jfr "$2"); shift ;;
    --redis-baseline-jar)
      [[ $# -ge 2 ]] || { log "$1 needs a value"; exit 2; }
      # An earlier lethe.jar to time next to this one in the redis scenario, with the default settings.
      redis_args+=(--baseline-jar "$2"); shift ;;
    -h|--help) exec sed -n '2,16p' "$0" ;;
    *) args+=("$1") ;;
  esac
  shift
done

# wants NAME: whether the scenario NAME will run (all of them without --only).
wants() {
  [[ ${#only[@]} -eq 0 ]] && return 0
  printf '%s\n' "${only[@]}" | tr ',' '\n' | grep -qx "$1"
}

apt_updated=''
# try_install PACKAGE: installs a Debian package when we may (root, or password-less sudo); fails quietly.
try_install() {
  local sudo=''
  if [[ $(id -u) -ne 0 ]]; then
    sudo -n true 2>/dev/null || return 1
    sudo='sudo -n'
  fi
  command -v apt-get >/dev/null 2>&1 || return 1
  if [[ -z $apt_updated ]]; then
    $sudo apt-get update -qq >/dev/null 2>&1 || return 1
    apt_updated=1
  fi
  log "installing $1"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$1" >/dev/null 2>&1
}

if [[ ! -x /usr/bin/time ]]; then
  try_install time || log "note: GNU time is missing and could not be installed; peak memory (max RSS) will not be recorded"
fi

if wants mariadb && ! command -v pt-archiver >/dev/null 2>&1; then
  try_install percona-toolkit \
    || log "note: pt-archiver is missing and percona-toolkit could not be installed; the pt-archiver contender will be skipped"
fi

# named NAME: whether --only asks for the scenario NAME (for those that do not run by default).
named() {
  [[ ${#only[@]} -gt 0 ]] && printf '%s\n' "${only[@]}" | tr ',' '\n' | grep -qx "$1"
}

if named impact && [[ ! -x /usr/bin/pgbench ]]; then
  try_install postgresql-client \
    || log "note: pgbench is missing and postgresql-client could not be installed; the impact scenario will be skipped"
fi

if [[ $build -eq 1 ]]; then
  log "building lethe.jar and the harness (tests skipped)"
  mvn_cmd=(./mvnw)
  [[ -x ./mvnw ]] || mvn_cmd=(mvn)
  "${mvn_cmd[@]}" -q -B -Dmaven.test.skip=true package -pl lethe-cli,bench -am
fi

for jar in bench/target/lethe-bench.jar lethe-cli/target/lethe.jar; do
  [[ -f $jar ]] || { log "$jar is missing: run without --no-build"; exit 1; }
done

# The harness runs from a private copy (and copies lethe.jar the same way), in a work directory outside
# target/: a `mvn package` or `mvn clean` elsewhere in the checkout must not pull the jars or the SQLite files
# out from under a run that takes minutes.
work="$root/bench/.work"
mkdir -p "$work"
# Copy, then rename: a run still going keeps the file it opened.
cp bench/target/lethe-bench.jar "$work/lethe-bench.jar.$$"
mv -f "$work/lethe-bench.jar.$$" "$work/lethe-bench.jar"

log "load before the run: $(uptime)"
if wants redis; then
  command -v redis-server >/dev/null 2>&1 || try_install redis-server || { log "redis-server is missing"; exit 1; }
  command -v redis-cli >/dev/null 2>&1 || try_install redis-tools || { log "redis-cli is missing"; exit 1; }
  java -cp "$work/lethe-bench.jar" dev.lethe.bench.RedisBench --keys "$keys" \
    --lethe-jar lethe-cli/target/lethe.jar --work "$work" --results bench/results ${redis_args[@]+"${redis_args[@]}"}
  # Only redis asked for: the harness has nothing to do.
  if [[ ${#only[@]} -gt 0 ]] && ! printf '%s\n' "${only[@]}" | tr ',' '\n' | grep -qvx redis; then
    exit 0
  fi
fi
exec java -jar "$work/lethe-bench.jar" --command "bench/run.sh ${args[*]}" \
  --lethe-jar lethe-cli/target/lethe.jar --work "$work" --results bench/results "${args[@]}"
