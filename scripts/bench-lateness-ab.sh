#!/usr/bin/env bash
# Lateness A/B (issue 16): scripts/bench-lateness.sh on two daemon jars in alternation (A B A B …),
# so both see the same machine; other builds on a shared machine move the figures more than most
# changes do, and runs taken at different times cannot be compared. Prints each run's figure line
# with its jar and the load before it (each run's whole output is kept in
# runner-daemon/target/bench-lateness-ab/ROUND-SIDE.txt). BESIDE_BUILD=1 runs a Maven build beside it, over and over
# (as scripts/bench-all.sh does). Build the jars first, e.g. copy runner-daemon/target/
# fees-automation.jar of each commit aside. About 4.5 minutes a run.
#
#   scripts/bench-lateness-ab.sh A.jar B.jar [rounds] [bench-lateness.sh args…]
#   BESIDE_BUILD=1 scripts/bench-lateness-ab.sh /tmp/a.jar /tmp/b.jar 2
set -euo pipefail

cd "$(dirname "$0")/.."
a=$(realpath "$1") b=$(realpath "$2") rounds=${3:-2}
shift $(($# < 3 ? $# : 3))
repo=$PWD
out=$(mktemp -d)
beside_pid=""
cleanup() {
  [[ -n $beside_pid ]] && kill "$beside_pid" 2>/dev/null && wait "$beside_pid" 2>/dev/null
  rm -rf "$out"
  return 0
}
trap cleanup EXIT

if [[ ${BESIDE_BUILD:-0} == 1 ]]; then
  git clone -q "$repo" "$out/beside"
  (
    cd "$out/beside"
    child=""
    trap '[[ -n $child ]] && kill "$child" 2>/dev/null; wait 2>/dev/null; exit 0' TERM
    while true; do
      find . -maxdepth 2 -name target -type d -exec rm -rf {} +
      ./mvnw -q -B -o package -DskipTests -Dspotless.check.skip=true -pl application -am \
        >/dev/null 2>&1 &
      child=$!
      wait "$child" || sleep 5
    done
  ) &
  beside_pid=$!
  echo "== a Maven build beside it (pid $beside_pid)"
fi

for round in $(seq 1 "$rounds"); do
  for side in A B; do
    jar=$([[ $side == A ]] && echo "$a" || echo "$b")
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    kept=runner-daemon/target/bench-lateness-ab/$round-$side.txt
    mkdir -p "$(dirname "$kept")"
    scripts/bench-lateness.sh "$@" -Dbench.jar="$jar" > "$kept" 2>&1 || true
    line=$(grep '^lateness:' "$kept" || echo "lateness: no figures (see $kept)")
    echo "round $round $side $(date -u +%H:%MZ) load before $load: $line"
  done
done
