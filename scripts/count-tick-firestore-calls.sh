#!/usr/bin/env bash
# Counts the Firestore calls of a tick with nothing due, for N = 1 and N = 3 enabled accounts (the
# sample academy and copies of it under other uids), through a proxy between the tick and a
# Firestore emulator this script starts (scripts/lib/h2-call-count.py: one line per gRPC call).
# Each jar given is counted twice per N, in turn with the others. A count, not a benchmark: no
# timing is taken, so a busy machine changes nothing.
#
#   scripts/count-tick-firestore-calls.sh [LAMBDA_JAR...]   (default: the one built here)
# Needs: the daemon jar (for `import`), Java 17, python3, redis-server, the emulator package.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
jars=("$@")
[[ ${#jars[@]} -gt 0 ]] || jars=("$repo/runner-lambda/target/fees-automation-lambda.jar")
for i in "${!jars[@]}"; do jars[i]=$(realpath "${jars[i]}"); done
DAEMON_JAR=$repo/runner-daemon/target/fees-automation.jar

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
work=$(mktemp -d)
fs_port=$(free_port)
proxy_port=$(free_port)
redis_port=$(free_port)
emulator_pid=""
proxy_pid=""
cleanup() {
  [[ -z $proxy_pid ]] || kill "$proxy_pid" 2>/dev/null || true
  [[ -z $emulator_pid ]] || kill "$emulator_pid" 2>/dev/null || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

emulator_jar=$(dpkg -L google-cloud-cli-firestore-emulator | grep 'emulator.jar$' | head -1)
java -cp "$emulator_jar" com.google.cloud.datastore.emulator.firestore.CloudFirestore start \
  --host=127.0.0.1 --port="$fs_port" >"$work/emulator.log" 2>&1 </dev/null &
emulator_pid=$!
for _ in $(seq 1 300); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$fs_port") 2>/dev/null; then break; fi
  sleep 0.1
done
python3 "$repo/scripts/lib/h2-call-count.py" "$proxy_port" "$fs_port" "$work/calls.txt" \
  >/dev/null 2>&1 </dev/null &
proxy_pid=$!
redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no \
  --dir "$work" >/dev/null

export FIREBASE_PROJECT_ID=demo-fees-automation
export REDIS_URL=redis://127.0.0.1:$redis_port/12
export WPPCONNECT_SERVER_URL="http://127.0.0.1:$(free_port)"
export WPPCONNECT_SECRET_KEY=count-secret
export LOG_LEVEL=warn
cd "$work" # no .env is read
# Friday 03:17:30 in Karachi: no rule of the sample is due (the first tick records each rule's
# latest occurrence as MISSED once, so it runs uncounted)
AT=2026-11-20T03:17:30+05:00

import_accounts() { # files...
  local args=()
  for file in "$@"; do args+=(--data "$file"); done
  FIRESTORE_EMULATOR_HOST="127.0.0.1:$fs_port" java -jar "$DAEMON_JAR" import "${args[@]}" >/dev/null
}
tick() { # jar
  : >"$work/calls.txt"
  FIRESTORE_EMULATOR_HOST="127.0.0.1:$proxy_port" \
    java -jar "$1" --at "$AT" --max-seconds 5 >"$work/tick.out" 2>&1 || true
  sleep 1 # the proxy writes a call's line as its request ends
}
count() { # label
  local n=$1
  tick "${jars[0]}"
  for round in 1 2; do
    for jar in "${jars[@]}"; do
      tick "$jar"
      printf 'N=%s %s (round %s): %s calls; load %s\n' "$n" "$jar" "$round" \
        "$(wc -l <"$work/calls.txt")" "$(cut -d" " -f1-3 /proc/loadavg)"
      sort "$work/calls.txt" | uniq -c
      grep -E '^(heartbeat|problem)' "$work/tick.out" || true
    done
  done
}

import_accounts "$repo/examples/academy-demo.json"
count 1
for uid in second-academy third-academy; do
  sed "s/\"demo-academy\"/\"$uid\"/" "$repo/examples/academy-demo.json" >"$work/$uid.json"
done
import_accounts "$work/second-academy.json" "$work/third-academy.json"
count 3
