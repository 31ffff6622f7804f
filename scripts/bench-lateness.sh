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
# shellcheck source=scripts/lib/daemon-benchmark.sh
source scripts/lib/daemon-benchmark.sh
run_daemon_benchmark DaemonLatenessBenchmark bench-lateness '^(occurrence|lateness)|ERROR|FAIL' 'lateness:' "$@"
