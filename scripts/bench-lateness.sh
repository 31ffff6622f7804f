#!/usr/bin/env bash
# Lateness of the daemon jar (issue 6): one daemon process with the default settings
# (MIN_SEND_INTERVAL PT3S, a check at the start of each minute) on the Firestore emulator, a
# private redis-server and the wppconnect-server double; 8 accounts, each with its own session
# and a DAILY rule at each of 3 coming minutes = 24 occurrences. Lateness = arrival of an
# occurrence's first message at the double − its scheduled minute. Prints each occurrence, then
# median, p90 and worst. Target: median ≤ 1 s, worst ≤ 2 s. Takes about 4 minutes.
#
#   scripts/bench-lateness.sh
#   scripts/bench-lateness.sh -Dbench.accounts=6 -Dbench.minutes=4 -Dbench.students=3
set -euo pipefail

cd "$(dirname "$0")/.."
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# The whole Maven output goes to $log; the figures are printed from it.
log=runner-daemon/target/bench-lateness.log
mkdir -p runner-daemon/target
status=0
./mvnw -q -B -pl runner-daemon -am verify \
  -Dspotless.check.skip=true -Denforcer.skip=true \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=DaemonLatenessBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -DtrimStackTrace=false "$@" > "$log" 2>&1 || status=$?
grep -E '^(occurrence|lateness)|ERROR|FAIL' "$log" || true
if [[ $status -ne 0 ]] || ! grep -q '^lateness:' "$log"; then
  echo "no figures (mvn exit $status); the end of $log:" >&2
  tail -40 "$log" >&2
  exit 1
fi
