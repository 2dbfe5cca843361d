#!/usr/bin/env bash
# Lethe in two minutes, with nothing to install but Java 17:
#   1. builds bin/lethe's jar if it is missing,
#   2. writes ./quickstart/: a SQLite database of 1,000 upload rows (70% of them stale) and a lethe.yaml,
#   3. runs validate, plan, run, history against it.
# Safe to run again: the demo database is reset every time (history is kept, so it grows by two runs).
set -euo pipefail
cd "$(dirname "$0")/.."

config=quickstart/lethe.yaml

if [[ -t 1 ]]; then bold=$'\e[1m' plain=$'\e[0m'; else bold='' plain=''; fi
step() {
  printf '\n%s$ %s%s\n' "$bold" "$*" "$plain"
  "$@"
}

step bin/lethe demo init quickstart
step bin/lethe validate --config "$config"
step bin/lethe plan --config "$config"
step bin/lethe run --config "$config"
step bin/lethe history --config "$config" --limit 5
step bin/lethe history --config "$config" --limit 1 --json
step bin/lethe plan --config "$config"

cat <<TEXT

Done. The run deleted the 700 stale rows (400 acked over an hour ago, 300 expired without an ack) and kept the
300 live ones; the last plan finds nothing left to do. Edit $config and try:
  bin/lethe plan --config $config --policy pending-uploads --json
TEXT
