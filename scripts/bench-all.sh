#!/usr/bin/env bash
# Every row of issue 16's table in one run (about 15–20 minutes on 2 cores), each against its peer
# measured in the same run on the same machine, with the load average:
#   cold start of `tick`, nothing due, Java 17 and Java 25 (AOT cache) vs the Node seed stack
#                                                    scripts/bench-cold-start.sh (rounds in turn)
#   queue drain, 50,000 messages, 16 workers, vs BullMQ 6.7.0
#                                                    scripts/bench-redis.sh (ROUNDS in turn)
#   daemon RSS idle (10 × 5,000) vs the Node seed stack's daemon, the RSS peak while delivering
#   12,500 messages, the first message after the minute
#                                                    scripts/bench-footprint.sh
#   lateness (minute → first send), median / worst of 24 occurrences, with a Maven build of a
#   scratch clone running beside it                 scripts/bench-lateness.sh
# and ends with one line per row:
#   FIGURE <name> ours=<v> peer=<v|-> ratio=<v|-> target=<v> ok|short
# The Node peers and BullMQ are installed from npm into scratch folders under /tmp. Every server
# is private (redis-servers on free ports, the Firestore emulator started by each benchmark).
#
#   scripts/bench-all.sh
#   BESIDE_BUILD=0 scripts/bench-all.sh      # lateness without the build beside it
#   SKIP=lateness,footprint scripts/bench-all.sh
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$PWD
out=$(mktemp -d)
redis_port=""
beside_pid=""
cleanup() {
  [[ -n $beside_pid ]] && kill "$beside_pid" 2>/dev/null && wait "$beside_pid" 2>/dev/null
  [[ -n $redis_port ]] && redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1
  rm -rf "$out"
  return 0
}
trap cleanup EXIT

skipped() { [[ ,${SKIP:-}, == *,$1,* ]]; }
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
started=$(date +%s)
echo "== bench-all $(date -u +%FT%TZ) on $(nproc) cores, commit $(git rev-parse --short HEAD)," \
  "load $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== building the jars"
./mvnw -q -B package -DskipTests -Dspotless.check.skip=true -pl runner-lambda,runner-daemon -am

if ! skipped cold-start; then
  echo "== cold start"
  # the floors (docs/lambda.md) are no row of the table: left out to keep the run short
  RUNS=${COLD_RUNS:-7} FLOORS=0 scripts/bench-cold-start.sh | tee "$out/cold.txt"
fi

if ! skipped queue; then
  echo "== queue"
  redis_port=$(free_port)
  mkdir -p "$out/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no \
    --dir "$out/redis" >/dev/null
  REDIS_URL=redis://127.0.0.1:$redis_port ROUNDS=${QUEUE_ROUNDS:-3} scripts/bench-redis.sh \
    | tee "$out/queue.txt"
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  redis_port=""
fi

if ! skipped footprint; then
  echo "== footprint and first message"
  scripts/bench-footprint.sh | tee "$out/footprint.txt"
fi

if ! skipped lateness; then
  if [[ ${BESIDE_BUILD:-1} == 1 ]]; then
    # a Maven build beside it, in a scratch clone (its own target dirs), over and over
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
    echo "== lateness, with a Maven build beside it (pid $beside_pid)"
  else
    echo "== lateness"
  fi
  scripts/bench-lateness.sh | tee "$out/lateness.txt"
  if [[ -n $beside_pid ]]; then
    kill "$beside_pid" 2>/dev/null || true
    wait "$beside_pid" 2>/dev/null || true
    beside_pid=""
  fi
fi

# ---- the figures ------------------------------------------------------------------------------
figure() { # name ours peer ratio target verdict
  printf 'FIGURE %s ours=%s peer=%s ratio=%s target=%s %s\n' "$@"
}
verdict() { # value op limit -> ok|short
  awk -v v="$1" -v l="$3" -v op="$2" \
    'BEGIN { ok = (op == "<=") ? (v <= l) : (v >= l); print (v != "" && ok) ? "ok" : "short" }'
}
pair() { # file name -> "ours peer ratio" from its PAIR line
  sed -n "s/^PAIR $2 ours=\([^ ]*\) peer=\([^ ]*\) ratio=\([^ ]*\)$/\1 \2 \3/p" "$1" | tail -1
}

echo
echo "== $(date -u +%FT%TZ), $(($(date +%s) - started)) s, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -f $out/cold.txt ]]; then
  for v in java17 java25; do
    read -r o p r <<<"$(pair "$out/cold.txt" "cold-start-$v")" || true
    [[ -z ${o:-} ]] && continue
    figure "tick-cold-start-$v" "${o}ms" "${p}ms" "${r}x" "1.00x" "$(verdict "$r" "<=" 1.0)"
  done
fi
if [[ -f $out/queue.txt ]]; then
  read -r o p r <<<"$(pair "$out/queue.txt" queue-drain)" || true
  figure queue-drain "${o}/s" "${p}/s" "${r}x" "2.50x" "$(verdict "$r" ">=" 2.5)"
fi
if [[ -f $out/footprint.txt ]]; then
  f=$out/footprint.txt
  idle=$(sed -n 's/^footprint: idle \([0-9]*\) MiB.*/\1/p' "$f")
  peak=$(sed -n 's/^footprint: .*peak (VmHWM) \([0-9]*\) MiB.*/\1/p' "$f")
  peer=$(sed -n 's/^footprint peer: idle \([0-9]*\) MiB.*/\1/p' "$f")
  ratio=$(sed -n 's/^footprint peer: .*ratio \([0-9.]*\)$/\1/p' "$f")
  first=$(sed -n 's/^first message \([0-9,]*\) ms.*/\1/p' "$f" | tr -d ,)
  figure daemon-rss-idle "${idle}MiB" "${peer:--}MiB" "${ratio:--}x" "1.00x" \
    "$(verdict "${ratio:-}" "<=" 1.0)"
  figure daemon-rss-peak "${peak}MiB" - - "150MiB" "$(verdict "$peak" "<=" 150)"
  figure first-message-after-minute "${first}ms" - - "2000ms" "$(verdict "$first" "<=" 2000)"
fi
if [[ -f $out/lateness.txt ]]; then
  f=$out/lateness.txt
  median=$(sed -n 's/^lateness: .*median=\([0-9]*\) ms.*/\1/p' "$f")
  worst=$(sed -n 's/^lateness: .*worst=\([0-9]*\) ms.*/\1/p' "$f")
  beside=$([[ ${BESIDE_BUILD:-1} == 1 ]] && echo "-beside-build" || echo "")
  figure "lateness-median$beside" "${median}ms" - - "300ms" "$(verdict "$median" "<=" 300)"
  figure "lateness-worst$beside" "${worst}ms" - - "1000ms" "$(verdict "$worst" "<=" 1000)"
fi
