#!/usr/bin/env bash
# Cold start of a one-shot tick with nothing due, as a whole process (JVM start to exit): the
# lambda jar's LambdaMain against a Firestore emulator this script starts (sample academy
# imported, an instant when no rule is due), Redis database 12 on 127.0.0.1:6379, and
# WPPCONNECT_SERVER_URL on a closed port. Five runs per variant, median printed:
#   default JVM | -XX:TieredStopAtLevel=1 | AppCDS archive | AppCDS + TieredStopAtLevel=1
# Target ≤ 0.5 s (the seed's Node stack: 0.45 s).
#
#   scripts/bench-cold-start.sh            # builds the jars first unless they exist
#   RUNS=9 scripts/bench-cold-start.sh
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
LAMBDA_JAR=runner-lambda/target/fees-automation-lambda.jar
DAEMON_JAR=runner-daemon/target/fees-automation.jar
if [[ ! -f $LAMBDA_JAR || ! -f $DAEMON_JAR ]]; then
  ./mvnw -q -B -pl runner-lambda -am package -DskipTests -Dspotless.check.skip=true
fi

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

work=$(mktemp -d)
emulator_pid=""
cleanup() {
  if [[ -n $emulator_pid ]]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

emulator_jar=$(dpkg -L google-cloud-cli-firestore-emulator | grep 'emulator.jar$' | head -1)
fs_port=$(free_port)
java -cp "$emulator_jar" com.google.cloud.datastore.emulator.firestore.CloudFirestore start \
  --host=127.0.0.1 --port="$fs_port" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 300); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$fs_port") 2>/dev/null; then break; fi
  sleep 0.1
done

redis-cli -n 12 FLUSHDB >/dev/null
export FIRESTORE_EMULATOR_HOST="127.0.0.1:$fs_port"
export FIREBASE_PROJECT_ID=demo-fees-automation
export REDIS_URL=redis://127.0.0.1:6379/12
export WPPCONNECT_SERVER_URL="http://127.0.0.1:$(free_port)"
export WPPCONNECT_SECRET_KEY=bench-secret
export LOG_LEVEL=warn
# Run from an empty directory so no .env is read.
cd "$work"
java -jar "$OLDPWD/$DAEMON_JAR" import --data "$OLDPWD/examples/academy-demo.json" >/dev/null
# Friday 03:17:30 in Karachi: no rule of the sample is due.
AT=2026-11-20T03:17:30+05:00
JAR="$OLDPWD/$LAMBDA_JAR"

run_once() { # flags... -> prints seconds
  local start end code
  start=$(date +%s%N)
  set +e
  java "$@" -jar "$JAR" --at "$AT" --max-seconds 5 >"$work/out.log" 2>&1
  code=$?
  set -e
  end=$(date +%s%N)
  if [[ $code -ne 0 ]]; then
    echo "tick exited $code:" >&2
    cat "$work/out.log" >&2
    exit 1
  fi
  echo "scale=3; ($end - $start) / 1000000000" | bc
}

median() { # label flags...
  local label=$1 times=()
  shift
  for _ in $(seq 1 "$RUNS"); do times+=("$(run_once "$@")"); done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-32s median %ss  (runs: %s)\n' "$label" \
    "$(echo "$sorted" | sed -n "$(((RUNS + 1) / 2))p")" "$(echo "$sorted" | tr '\n' ' ')"
}

# The archive records the classes one real tick loads (System.exit dumps it).
java -XX:ArchiveClassesAtExit="$work/tick.jsa" -jar "$JAR" --at "$AT" --max-seconds 5 \
  >"$work/dump.log" 2>&1 || { cat "$work/dump.log" >&2; exit 1; }

echo "load average before the runs: $(cut -d" " -f1-3 /proc/loadavg)"
median "default"
median "TieredStopAtLevel=1" -XX:TieredStopAtLevel=1
median "AppCDS" -XX:SharedArchiveFile="$work/tick.jsa"
median "AppCDS + TieredStopAtLevel=1" -XX:SharedArchiveFile="$work/tick.jsa" -XX:TieredStopAtLevel=1
median "AppCDS + C1 + SerialGC" -XX:SharedArchiveFile="$work/tick.jsa" -XX:TieredStopAtLevel=1 \
  -XX:+UseSerialGC
