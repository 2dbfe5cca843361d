#!/usr/bin/env bash
# What batching itself costs in each database, with no Lethe and no JVM (see docs/benchmarks.md, "Where the time
# goes"): on fresh copies of bench/run.sh's pending-uploads dataset, the raw DELETE next to server-side or C-client
# loops of 5,000-row batches with a commit each, plain and with the per-outcome counting Lethe does.
#
#   bench/floors.sh [--only postgres|mariadb|sqlite]... [--repeat K]
#
# PostgreSQL: PL/pgSQL DO blocks over ranges of the table's blocks (Lethe's batch shape there). MariaDB: the mariadb
# client running one statement per batch over key ranges. SQLite: the sqlite3 shell over rowid ranges, timed by its
# own .timer (the process start and the checkpoint at exit are left out). Prints one line per variant and round.
# Uses bench/run.sh --setup-only for every copy, so it needs the jars bench/run.sh builds, and takes its lock.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

only=()
repeat=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --only) only+=("$2"); shift ;;
    --repeat) repeat=$2; shift ;;
    -h|--help) exec sed -n '2,12p' "$0" ;;
    *) echo "bench/floors.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
wants() { [[ ${#only[@]} -eq 0 ]] || printf '%s\n' "${only[@]}" | grep -qx "$1"; }

ROWS=1000000
BATCH_IDS=6076   # key or rowid span holding 5,000 eligible rows of the dataset (82.29% eligible, evenly spread)

# fresh DB: a new copy in database DB, waiting for another benchmark run to finish if one holds the lock.
fresh() {
  until bench/run.sh --no-build --rows "$ROWS" --only "$1" --setup-only --results /tmp/lethe-floors \
      >/tmp/lethe-floors-setup.log 2>&1; do
    grep -q 'another benchmark is running' /tmp/lethe-floors-setup.log || { cat /tmp/lethe-floors-setup.log >&2; exit 1; }
    sleep 5
  done
}

# batches BEFORE AFTER TEMPLATE: TEMPLATE once per key range of BATCH_IDS, its bounds in {b} and {e}, each
# between BEFORE and AFTER (the statements that open and commit a batch's transaction).
batches() {
  local b s
  for ((b = 0; b < ROWS; b += BATCH_IDS)); do
    s=${3//\{b\}/$b}
    echo "$1${s//\{e\}/$((b + BATCH_IDS))}$2"
  done
}

# ms START_NS: milliseconds since START_NS.
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

postgres() {
  local pred="((acked_at < now() - interval '1 hour') OR (acked_at IS NULL AND expires_at < now()))"
  local range="ctid >= format('(%s,0)', b)::tid AND ctid < format('(%s,0)', b + n)::tid"
  local outcome="CASE WHEN acked_at IS NOT NULL THEN 1 WHEN acked_at IS NULL THEN 2 ELSE 0 END"
  # loop BODY: a DO block that walks the table in ranges of n blocks (5,000 eligible rows at its density).
  loop() {
    echo "DO \$\$ DECLARE b bigint := 0; e bigint; n bigint; t bigint; k bigint; BEGIN
      SELECT pg_relation_size('pending_uploads') / current_setting('block_size')::bigint INTO e;
      n := ceil(5000 * e / ($ROWS * 0.8229));
      WHILE b < e LOOP $1; b := b + n; COMMIT; END LOOP; END \$\$;"
  }
  declare -A variants=(
    ["1 raw DELETE"]="DELETE FROM pending_uploads WHERE $pred;"
    ["2 block ranges, DELETE, durable commits"]="$(loop "DELETE FROM pending_uploads WHERE $range AND $pred")"
    ["3 block ranges, DELETE, async commits"]="$(loop "DELETE FROM pending_uploads WHERE $range AND $pred")"
    ["4 ... + counted on the snapshot (Lethe)"]="$(loop "WITH d AS (DELETE FROM pending_uploads WHERE $range AND $pred) SELECT COUNT(*), COUNT(CASE WHEN o = 1 THEN 1 END) INTO t, k FROM (SELECT $outcome AS o FROM pending_uploads WHERE $range AND $pred) x")"
    ["5 ... + counted over RETURNING"]="$(loop "WITH d AS (DELETE FROM pending_uploads WHERE $range AND $pred RETURNING $outcome AS o) SELECT COUNT(*), COUNT(CASE WHEN o = 1 THEN 1 END) INTO t, k FROM d")"
  )
  local name start commits
  while IFS= read -r -u 3 name; do
    # Variants 3 to 5 commit as Lethe's sessions do (docs/config.md, "PostgreSQL commits").
    commits=on
    [[ ${name%% *} -ge 3 ]] && commits=off
    fresh postgres
    start=$(date +%s%N)
    PGOPTIONS="-c synchronous_commit=$commits" psql -X -q -h 127.0.0.1 -U postgres -d lethe_bench \
      -v ON_ERROR_STOP=1 -c "${variants[$name]}" >/dev/null
    printf 'postgres  %-50s %6s ms  %s rows left\n' "${name#* }" "$(ms "$start")" \
      "$(psql -X -qtA -h 127.0.0.1 -U postgres -d lethe_bench -c 'SELECT COUNT(*) FROM pending_uploads')"
  done 3< <(printf '%s\n' "${!variants[@]}" | sort)
}

mariadb_floor() {
  local pred="((acked_at < NOW(6) - INTERVAL 1 HOUR) OR (acked_at IS NULL AND expires_at < NOW(6)))"
  local outcome="CASE WHEN acked_at IS NOT NULL THEN 1 WHEN acked_at IS NULL THEN 2 ELSE 0 END"
  committed() { echo "SET autocommit = 0;"; batches "" "; COMMIT;" "$1"; }
  declare -A variants=(
    ["1 raw DELETE"]="DELETE FROM pending_uploads WHERE $pred;"
    ["2 key ranges, DELETE"]="$(committed "DELETE FROM pending_uploads WHERE id > {b} AND id <= {e} AND $pred")"
    ["3 ORDER BY id LIMIT 5000 RETURNING id, outcome (Lethe)"]="$(committed "DELETE FROM pending_uploads WHERE id > {b} AND $pred ORDER BY id LIMIT 5000 RETURNING id, $outcome")"
  )
  local name start file=/tmp/lethe-floors-mariadb.sql
  while IFS= read -r -u 3 name; do
    printf '%s\n' "${variants[$name]}" >"$file"
    fresh mariadb
    start=$(date +%s%N)
    mariadb -h 127.0.0.1 -u root lethe_bench <"$file" >/dev/null
    printf 'mariadb   %-50s %6s ms  %s rows left\n' "${name#* }" "$(ms "$start")" \
      "$(mariadb -h 127.0.0.1 -u root -N lethe_bench -e 'SELECT COUNT(*) FROM pending_uploads')"
  done 3< <(printf '%s\n' "${!variants[@]}" | sort)
}

sqlite_floor() {
  local db=bench/.work/sqlite/lethe_bench.db
  local pred="((acked_at < strftime('%Y-%m-%d %H:%M:%f', 'now', '-1 hour')) OR (acked_at IS NULL AND expires_at < strftime('%Y-%m-%d %H:%M:%f', 'now')))"
  local outcome="CASE WHEN acked_at IS NOT NULL THEN 1 WHEN acked_at IS NULL THEN 2 ELSE 0 END"
  committed() {
    printf '%s\n' "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;" ".timer on"
    batches "BEGIN IMMEDIATE; " "; COMMIT;" "$1"
  }
  declare -A variants=(
    ["1 raw DELETE"]="PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
.timer on
DELETE FROM pending_uploads WHERE $pred;"
    ["2 rowid ranges, DELETE"]="$(committed "DELETE FROM pending_uploads WHERE rowid > {b} AND rowid <= {e} AND $pred")"
    ["3 ... + bound by OFFSET (the bare keyset)"]="$(committed "SELECT rowid FROM pending_uploads WHERE rowid > {b} AND $pred ORDER BY rowid LIMIT 1 OFFSET 4999; DELETE FROM pending_uploads WHERE rowid > {b} AND rowid <= {e} AND $pred")"
    ["4 ... + bound and counted per outcome (Lethe)"]="$(committed "SELECT MAX(p), COUNT(*), COUNT(CASE WHEN o = 0 THEN 1 END), COUNT(CASE WHEN o = 1 THEN 1 END), COUNT(CASE WHEN o = 2 THEN 1 END) FROM (SELECT rowid AS p, $outcome AS o FROM pending_uploads WHERE rowid > {b} AND $pred ORDER BY rowid LIMIT 5000); DELETE FROM pending_uploads WHERE rowid > {b} AND rowid <= {e} AND $pred")"
  )
  local name file=/tmp/lethe-floors-sqlite.sql
  command -v sqlite3 >/dev/null || { echo "bench/floors.sh: sqlite3 is missing (apt-get install sqlite3)" >&2; return; }
  while IFS= read -r -u 3 name; do
    printf '%s\n' "${variants[$name]}" >"$file"
    fresh sqlite
    # Sum the shell's own per-statement timings: real seconds, the second field of "Run Time: real X user Y sys Z".
    local total
    total=$(sqlite3 "$db" <"$file" | awk '/^Run Time:/ { s += $4 } END { printf "%d", s * 1000 }')
    printf 'sqlite    %-50s %6s ms  %s rows left\n' "${name#* }" "$total" \
      "$(sqlite3 "$db" 'SELECT COUNT(*) FROM pending_uploads')"
  done 3< <(printf '%s\n' "${!variants[@]}" | sort)
}

echo "bench/floors.sh: load before: $(uptime)"
for ((round = 1; round <= repeat; round++)); do
  wants postgres && postgres
  wants mariadb && mariadb_floor
  wants sqlite && sqlite_floor
done
echo "bench/floors.sh: load after: $(uptime)"
