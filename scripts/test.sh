#!/usr/bin/env bash
# Lethe's whole test suite, as CI runs it (.ci/run):
#   1. makes sure Java 17, PostgreSQL, MariaDB and Redis are there and running on 127.0.0.1 — starting them when
#      installed but stopped, installing them with apt-get on a fresh Debian 12 box (run as root then);
#   2. creates the database `test` on both if missing;
#   3. runs the full reactor build with every test: ./mvnw -B verify;
#   4. runs scripts/quickstart.sh end to end and checks what it printed.
# Safe to run when everything is already up: then it only checks, and builds.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "test.sh: $*" >&2; }

# wait_for WHAT SECONDS COMMAND...: polls COMMAND once a second until it succeeds, for at most SECONDS.
wait_for() {
  local what=$1 seconds=$2
  shift 2
  for ((i = 0; i < seconds; i++)); do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    sleep 1
  done
  log "$what is not ready after ${seconds}s"
  return 1
}

apt_updated=''
apt_install() {
  if [[ $(id -u) -ne 0 ]]; then
    log "$* missing and not root: install it (apt-get install $*) or run this script as root"
    exit 1
  fi
  if [[ -z $apt_updated ]]; then
    apt-get update -qq
    apt_updated=1
  fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_java() {
  if ! command -v javac >/dev/null 2>&1; then
    apt_install openjdk-17-jdk-headless
  fi
}

# --- PostgreSQL: 127.0.0.1:5432, user postgres, trust auth --------------------------------------------------
postgres_sql() { psql -X -q -h 127.0.0.1 -p 5432 -U postgres -d postgres -v ON_ERROR_STOP=1 -tA "$@"; }
postgres_ready() { postgres_sql -c 'SELECT 1'; }

ensure_postgres() {
  if postgres_ready >/dev/null 2>&1; then
    return 0
  fi
  if ! compgen -G '/etc/postgresql/*/main' >/dev/null; then
    apt_install postgresql
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  if ! pg_ctlcluster "$version" main status >/dev/null 2>&1; then
    log "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
  wait_for "PostgreSQL on 127.0.0.1:5432" 60 pg_isready -q -h 127.0.0.1 -p 5432
  if ! postgres_ready >/dev/null 2>&1; then
    # A fresh cluster asks for passwords over TCP; the tests connect as postgres without one, like CI's servers.
    log "PostgreSQL $version: trust auth for 127.0.0.1 and ::1 (the tests log in without a password)"
    sed -ri 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "/etc/postgresql/$version/main/pg_hba.conf"
    pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  fi
  wait_for "PostgreSQL login as postgres" 30 postgres_ready
}

ensure_postgres_database() {
  if [[ $(postgres_sql -c "SELECT 1 FROM pg_database WHERE datname = 'test'") != 1 ]]; then
    log "creating PostgreSQL database test"
    postgres_sql -c 'CREATE DATABASE test'
  fi
}

# --- MariaDB: 127.0.0.1:3306, root without password ---------------------------------------------------------
mariadb_tcp() { mariadb --protocol=tcp -h 127.0.0.1 -P 3306 -u root "$@"; }
mariadb_ready() { mariadb_tcp -e 'SELECT 1'; }

ensure_mariadb() {
  if mariadb_ready >/dev/null 2>&1; then
    return 0
  fi
  if [[ ! -x /usr/sbin/mariadbd ]]; then
    apt_install mariadb-server
  fi
  if ! mariadb-admin ping >/dev/null 2>&1; then
    log "starting MariaDB"
    install -d -o mysql -g mysql /run/mysqld
    start-stop-daemon --start --oknodo --background --pidfile /run/mysqld/mysqld.pid --exec /usr/sbin/mariadbd \
      -- --user=mysql --pid-file=/run/mysqld/mysqld.pid
    wait_for "MariaDB" 60 mariadb-admin ping
  fi
  if ! mariadb_ready >/dev/null 2>&1; then
    # Debian's root logs in through the unix socket only; the tests connect over TCP without a password.
    log "MariaDB: allowing root without a password from 127.0.0.1 (the tests log in that way)"
    mariadb -u root <<'SQL'
ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('');
CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
  fi
  wait_for "MariaDB login as root on 127.0.0.1:3306" 30 mariadb_ready
}

ensure_mariadb_database() {
  mariadb_tcp -e 'CREATE DATABASE IF NOT EXISTS test'
}

# --- Redis: 127.0.0.1:6379, nothing kept on disk (lethe-redis's tests) ---------------------------------------
redis_ready() { [[ $(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null) == PONG ]]; }

ensure_redis() {
  # lethe-redis's tests also start their own servers (a 3-master cluster on free ports): they need both binaries
  # even when something else serves 6379.
  if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
    apt_install redis-server redis-tools
  fi
  if redis_ready; then
    return 0
  fi
  log "starting Redis"
  install -d /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for "Redis on 127.0.0.1:6379" 30 redis_ready
}

# --- the quickstart, end to end -----------------------------------------------------------------------------
check_quickstart() {
  local out=target/quickstart.out
  mkdir -p target
  log "running scripts/quickstart.sh (output in $out)"
  if ! scripts/quickstart.sh >"$out" 2>&1; then
    cat "$out" >&2
    log "FAILED: scripts/quickstart.sh exited non-zero"
    return 1
  fi
  local expected
  for expected in 'ok, 1 store, 1 policy' 'would delete  700 of 1,000 items (70.0%)' 'run ok in' \
      'deleted       700' 'acked 400, expired 300' 'would delete  0 of 300 items' '"deleted":700'; do
    if ! grep -qF -- "$expected" "$out"; then
      cat "$out" >&2
      log "FAILED: scripts/quickstart.sh did not print: $expected"
      return 1
    fi
  done
  log "the quickstart ran end to end and printed what it should"
}

ensure_java
ensure_postgres
ensure_postgres_database
ensure_mariadb
ensure_mariadb_database
ensure_redis
log "PostgreSQL, MariaDB and Redis are up; running ./mvnw -B verify"

status=0
./mvnw -B -ntp verify || status=$?
if [[ $status -ne 0 ]]; then
  log "maven build failed (exit $status)"
  exit "$status"
fi
check_quickstart
