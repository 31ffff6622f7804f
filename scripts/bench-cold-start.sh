#!/usr/bin/env bash
# Cold start of a one-shot tick with nothing due, as a whole process (JVM start to exit): the
# lambda jar's LambdaMain against a Firestore emulator this script starts (sample academy
# imported, an instant when no rule is due), Redis database 12 on 127.0.0.1:6379, and
# WPPCONNECT_SERVER_URL on a closed port. Five runs per variant; printed per variant: the median
# wall time (JVM start to exit), the median CPU time (user + sys, less sensitive than wall time to
# a busy machine) and the load average before and after:
#   default JVM | -XX:TieredStopAtLevel=1 | AppCDS archive | AppCDS + C1 | AppCDS + C1 + SerialGC
#   (the recommended flags) | floor: `java -version` | floor: Lettuce PING + one Firestore query
# The floors show what no tick can go under on this machine: a bare JVM start, and a process with
# the same libraries that only connects to Redis and runs one Firestore query
# (scripts/cold-start-floor/ColdStartFloor.java). Target ≤ 0.5 s (the seed's Node stack: 0.45 s).
#
#   scripts/bench-cold-start.sh            # builds the jars first unless they exist
#   RUNS=9 scripts/bench-cold-start.sh
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$PWD
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
java -jar "$repo/$DAEMON_JAR" import --data "$repo/examples/academy-demo.json" >/dev/null
# Friday 03:17:30 in Karachi: no rule of the sample is due.
AT=2026-11-20T03:17:30+05:00
JAR="$repo/$LAMBDA_JAR"

TIMEFORMAT='%R %U %S'
run_timed() { # command... -> prints "wall cpu" in milliseconds; the command's output goes to out.log
  local t code
  set +e
  t=$({ time "$@" >"$work/out.log" 2>&1; } 2>&1)
  code=$?
  set -e
  if [[ $code -ne 0 ]]; then
    echo "exited $code: $*" >&2
    cat "$work/out.log" >&2
    exit 1
  fi
  read -r wall user sys <<<"$t"
  echo "$(echo "$wall * 1000 / 1" | bc) $(echo "($user + $sys) * 1000 / 1" | bc)"
}

median_of() { # numbers... -> the median
  printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"
}

measure() { # label command...
  local label=$1 walls=() cpus=() load_before
  shift
  load_before=$(cut -d" " -f1-3 /proc/loadavg)
  for _ in $(seq 1 "$RUNS"); do
    read -r wall cpu <<<"$(run_timed "$@")"
    walls+=("$wall")
    cpus+=("$cpu")
  done
  printf '%-38s wall %5s ms  cpu %5s ms  (wall: %s)  load %s -> %s\n' "$label" \
    "$(median_of "${walls[@]}")" "$(median_of "${cpus[@]}")" \
    "$(printf '%s\n' "${walls[@]}" | sort -n | tr '\n' ' ')" \
    "$load_before" "$(cut -d" " -f1-3 /proc/loadavg)"
}

tick() { # flags...
  java "$@" -jar "$JAR" --at "$AT" --max-seconds 5
}

# The archive records the classes one real tick loads (System.exit dumps it).
java -XX:ArchiveClassesAtExit="$work/tick.jsa" -jar "$JAR" --at "$AT" --max-seconds 5 \
  >"$work/dump.log" 2>&1 || { cat "$work/dump.log" >&2; exit 1; }
CDS=-XX:SharedArchiveFile="$work/tick.jsa"

# The floor program, compiled against the lambda jar's libraries, with an archive of its own.
mkdir "$work/floor"
javac -d "$work/floor" -cp "$JAR" "$repo/scripts/cold-start-floor/ColdStartFloor.java"
jar cf "$work/floor.jar" -C "$work/floor" .
FLOOR=(-cp "$JAR:$work/floor.jar" ColdStartFloor "$REDIS_URL" "$FIRESTORE_EMULATOR_HOST"
  "$FIREBASE_PROJECT_ID")
java -XX:ArchiveClassesAtExit="$work/floor.jsa" "${FLOOR[@]}" >"$work/dump.log" 2>&1 \
  || { cat "$work/dump.log" >&2; exit 1; }

echo "$RUNS runs per variant, $(nproc) cores; medians"
measure "default" tick
measure "TieredStopAtLevel=1" tick -XX:TieredStopAtLevel=1
measure "AppCDS" tick "$CDS"
measure "AppCDS + C1" tick "$CDS" -XX:TieredStopAtLevel=1
measure "AppCDS + C1 + SerialGC (recommended)" tick "$CDS" -XX:TieredStopAtLevel=1 \
  -XX:+UseSerialGC -XX:-UsePerfData
measure "floor: java -Xshare:auto -version" java -Xshare:auto -version
measure "floor: Redis PING + 1 Firestore query" java -XX:SharedArchiveFile="$work/floor.jsa" \
  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData "${FLOOR[@]}"
