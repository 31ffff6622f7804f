#!/usr/bin/env bash
# The chaos suite (issue 13): kills, restarts and outages during delivery, then counts what was
# lost or sent twice. Runs ChaosIT (runner-daemon) through the Maven profile `chaos`: the daemon
# jar as separate processes, a private redis-server with AOF (everysec) per scenario, Google's
# Firestore emulator and the wppconnect double (sends slowed to 100–200 ms), a fresh account per
# scenario whose rule is due this minute. Scenarios (docs/reliability.md):
#   1 kill -9 the daemon N times during delivery    4 Firestore emulator SIGSTOPped, then SIGCONT
#   2 Redis SIGTERM N times, then once SIGKILL       5 two daemons plus a tick every 20 s
#   3 gateway faults (500s, slow replies, 401,       6 bad input: 45 broken documents, 23 bad
#     server gone 30 s, session closed 1 min)          webhook bodies, bad environment values
# Prints one line per scenario and "N passed, M failed" (also in runner-daemon/target/
# chaos-report.txt; process logs in runner-daemon/target/chaos-logs/). Exit 0 when all passed.
# The full run takes about 25 minutes on a 2-core machine.
#
#   scripts/chaos.sh                                   # everything, 300 recipients, 20 kills
#   scripts/chaos.sh --scenarios 1,2 --kills 3 --recipients 100
#   scripts/chaos.sh --gateway-faults 500-before,gone --freeze-seconds 30 --seed 42
#
# Flags: --scenarios LIST, --recipients N, --kills N, --redis-restarts N, --no-redis-kill,
# --gateway-faults all|LIST (500-before,500-after,slow,token,gone,closed), --freeze-seconds N,
# --crowd-seconds N, --seed N, --visibility-timeout ISO-8601|default (the daemons'
# VISIBILITY_TIMEOUT; default: the product's 2 minutes), --online (let Maven download what is
# missing).
# Every process it started is stopped (by its process group) and its directories removed, also on
# failure or Ctrl-C.
set -euo pipefail

cd "$(dirname "$0")/.."

props=()
offline=(-o)
while [ $# -gt 0 ]; do
  case "$1" in
    --scenarios) props+=("-Dchaos.scenarios=$2"); shift 2 ;;
    --recipients) props+=("-Dchaos.recipients=$2"); shift 2 ;;
    --kills) props+=("-Dchaos.kills=$2"); shift 2 ;;
    --redis-restarts) props+=("-Dchaos.redisRestarts=$2"); shift 2 ;;
    --no-redis-kill) props+=("-Dchaos.redisKill=false"); shift ;;
    --gateway-faults) props+=("-Dchaos.gatewayFaults=$2"); shift 2 ;;
    --freeze-seconds) props+=("-Dchaos.freezeSeconds=$2"); shift 2 ;;
    --crowd-seconds) props+=("-Dchaos.crowdSeconds=$2"); shift 2 ;;
    --seed) props+=("-Dchaos.seed=$2"); shift 2 ;;
    --visibility-timeout) props+=("-Dchaos.visibilityTimeout=$2"); shift 2 ;;
    --online) offline=(); shift ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "chaos.sh: unknown flag $1 (see --help)" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/fees-chaos.XXXXXX")
log="$work/maven.log"
pgid=""

cleanup() {
  status=$?
  trap - EXIT INT TERM
  if [ -n "$pgid" ] && kill -0 -- "-$pgid" 2>/dev/null; then
    # Maven, the test JVM and everything it started (daemons, redis-servers, the emulator) share
    # the process group made for them below
    kill -TERM -- "-$pgid" 2>/dev/null || true
    sleep 3
    kill -KILL -- "-$pgid" 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== chaos suite: load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown), work dir $work"
setsid ./mvnw -B "${offline[@]}" verify -pl runner-daemon -am -Pchaos \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ChaosIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Djava.io.tmpdir="$work" "${props[@]}" >"$log" 2>&1 &
pgid=$!
set +e
wait "$pgid"
result=$?
set -e
grep -a -E '^(chaos plan|[1-6] |    |[0-9]+ passed)' runner-daemon/target/chaos-report.txt 2>/dev/null \
  || { echo "no report; the end of the build log:"; tail -40 "$log"; }
if [ "$result" -ne 0 ]; then
  grep -a -E "Tests run:.*FAIL|BUILD FAILURE" "$log" | head -3
fi
exit "$result"
