#!/usr/bin/env bash
# Cold start of a one-shot tick with nothing due, as a whole process (JVM start to exit), paired
# with the seed's Node stack in the same run (issue 16): the lambda jar's LambdaMain against a
# Firestore emulator this script starts (sample academy imported, an instant when no rule is due),
# a private redis-server on a free port, and WPPCONNECT_SERVER_URL on a closed port; the peer is
# scripts/peers/tick-peer.cjs (firebase-admin queries the enabled accounts on the same emulator, a
# bull queue reads its job counts from the same Redis, exit), installed from npm into a scratch
# folder. RUNS rounds (default 7), each running in turn:
#   ours, Java 17: AppCDS + C1 + SerialGC (the recommended flags)
#   ours, Java 25: AOT cache (JEP 483/514) + C1 + SerialGC + compact object headers
#   the Node peer
#   the floors (FLOORS=0 leaves them out): programs that only PING Redis and run the enabled
#   accounts query, with nothing of this project, on Java 17 (AppCDS) and Java 25 (AOT cache),
#   same flags as the ticks:
#     floor-grpc    scripts/cold-start-floor/ColdStartFloor.java: Lettuce + the gRPC Firestore
#                   client (the lambda jar's libraries)
#     floor-rest    scripts/cold-start-floor/ColdStartFloorRest.java: Lettuce + one REST
#                   :runQuery POST (java.net.http, Gson)
#     floor-*-socket  the same with Redis PING over a plain socket, RESP written by hand
#                   (RespPing.java), instead of Lettuce: what Lettuce costs
#     floor-*-jedis   the same with Jedis (JedisCalls.java; its jar and runtime dependencies are
#                   copied from Maven into the scratch folder, not part of any pom) instead of
#                   Lettuce: PING, then one SCRIPT LOAD + EVALSHA (the Lettuce and socket floors
#                   PING only, so these do a little more); the pool without JMX registration
# so a change in the machine's load hits all of them alike. Printed per variant: the median wall
# time (JVM start to exit), the median CPU time (user + sys) and the load average before and
# after; then one line per Java variant:
#   PAIR cold-start-<variant> ours=<wall ms> peer=<wall ms> ratio=<ours/peer>
#   CPU cold-start-<variant> ours=<cpu ms> peer=<cpu ms> ratio=<ours/peer>
# Then, per floor and the Java 17 tick, the classes one run loads (-Xlog:class+load, one run each).
# ALL_VARIANTS=1 also measures the flag steps of docs/lambda.md (default JVM, C1, AppCDS, …) and
# `java -version`, each variant RUNS times in a row.
#
#   scripts/bench-cold-start.sh            # builds the jars first unless they exist
#   RUNS=9 ALL_VARIANTS=1 scripts/bench-cold-start.sh
#   FLOORS=0 scripts/bench-cold-start.sh   # the ticks and the peer only
#   JAVA25_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 (default when present)
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$PWD
RUNS=${RUNS:-7}
JAVA25_HOME=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# shellcheck source=scripts/lib/node-peers.sh
source scripts/lib/node-peers.sh
install_node_peers
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
redis_port=$(free_port)
cleanup() {
  if [[ -n $emulator_pid ]]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
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

redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no \
  --dir "$work" >/dev/null
export FIRESTORE_EMULATOR_HOST="127.0.0.1:$fs_port"
export FIREBASE_PROJECT_ID=demo-fees-automation
export REDIS_URL=redis://127.0.0.1:$redis_port/12
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
tick25() { # flags...
  "$JAVA25_HOME/bin/java" "$@" -jar "$JAR" --at "$AT" --max-seconds 5
}
peer() {
  node "$PEERS_DIR/tick-peer.cjs"
}

# The archive records the classes one real tick loads (System.exit dumps it).
java -XX:ArchiveClassesAtExit="$work/tick.jsa" -jar "$JAR" --at "$AT" --max-seconds 5 \
  >"$work/dump.log" 2>&1 || { cat "$work/dump.log" >&2; exit 1; }
CDS=-XX:SharedArchiveFile="$work/tick.jsa"
RECOMMENDED=("$CDS" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)
# Java 25: the AOT cache of one training tick (JEP 514's one-step -XX:AOTCacheOutput), with the
# same flags as the runs (a cache is only used with the GC and header layout it was made with).
J25_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:+UseCompactObjectHeaders)
have25=false
if [[ -x $JAVA25_HOME/bin/java ]]; then
  "$JAVA25_HOME/bin/java" "${J25_FLAGS[@]}" -XX:AOTCacheOutput="$work/tick.aot" -jar "$JAR" \
    --at "$AT" --max-seconds 5 >"$work/dump25.log" 2>&1 || { cat "$work/dump25.log" >&2; exit 1; }
  have25=true
fi
peer >"$work/peer.log" 2>&1 || { cat "$work/peer.log" >&2; exit 1; }

# The floor programs, compiled against the lambda jar's libraries, each with an archive (and on
# Java 25 an AOT cache) of its own, recorded from one run against the same servers.
floors=()
if [[ ${FLOORS:-1} == 1 ]]; then
  mkdir "$work/floor" "$work/jedis"
  # Jedis and what it needs at run time that the lambda jar lacks (slf4j-api and Gson it has).
  for artifact in redis.clients:jedis:8.0.2 org.apache.commons:commons-pool2:2.13.1 \
    org.json:json:20260719 redis.clients.authentication:redis-authx-core:0.1.1-beta2; do
    (cd "$repo" && ./mvnw -q -B -N dependency:copy -Dartifact="$artifact" \
      -DoutputDirectory="$work/jedis")
  done
  JEDIS_CP=$(printf '%s:' "$work"/jedis/*.jar)
  JEDIS_CP=${JEDIS_CP%:}
  javac --release 17 -d "$work/floor" -cp "$JAR:$JEDIS_CP" \
    "$repo"/scripts/cold-start-floor/*.java
  jar cf "$work/floor.jar" -C "$work/floor" .
  floor_args() { # variant -> the program and its arguments
    case $1 in
      grpc) echo ColdStartFloor "$REDIS_URL" "$FIRESTORE_EMULATOR_HOST" "$FIREBASE_PROJECT_ID" ;;
      grpc-socket) echo ColdStartFloor "$REDIS_URL" "$FIRESTORE_EMULATOR_HOST" "$FIREBASE_PROJECT_ID" socket ;;
      rest) echo ColdStartFloorRest "$REDIS_URL" "$FIRESTORE_EMULATOR_HOST" "$FIREBASE_PROJECT_ID" lettuce ;;
      rest-socket) echo ColdStartFloorRest "$REDIS_URL" "$FIRESTORE_EMULATOR_HOST" "$FIREBASE_PROJECT_ID" socket ;;
      grpc-jedis) echo ColdStartFloor "$REDIS_URL" "$FIRESTORE_EMULATOR_HOST" "$FIREBASE_PROJECT_ID" jedis ;;
      rest-jedis) echo ColdStartFloorRest "$REDIS_URL" "$FIRESTORE_EMULATOR_HOST" "$FIREBASE_PROJECT_ID" jedis ;;
    esac
  }
  floor_cp() { # variant -> its class path: Jedis's jars only where it is used
    case $1 in
      *-jedis) echo "$JAR:$work/floor.jar:$JEDIS_CP" ;;
      *) echo "$JAR:$work/floor.jar" ;;
    esac
  }
  for f in grpc grpc-socket grpc-jedis rest rest-socket rest-jedis; do
    # shellcheck disable=SC2046
    java -XX:ArchiveClassesAtExit="$work/floor-$f.jsa" -cp "$(floor_cp $f)" \
      $(floor_args $f) >"$work/dump.log" 2>&1 || { cat "$work/dump.log" >&2; exit 1; }
    floors+=("floor-$f")
    if $have25; then
      # shellcheck disable=SC2046
      "$JAVA25_HOME/bin/java" "${J25_FLAGS[@]}" -XX:AOTCacheOutput="$work/floor-$f.aot" \
        -cp "$(floor_cp $f)" $(floor_args $f) >"$work/dump25.log" 2>&1 \
        || { cat "$work/dump25.log" >&2; exit 1; }
      floors+=("floor-$f-java25")
    fi
  done
fi
floor17() { # variant [extra JVM flags...]
  local f=$1
  shift
  # shellcheck disable=SC2046
  java -XX:SharedArchiveFile="$work/floor-$f.jsa" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -XX:-UsePerfData "$@" -cp "$(floor_cp "$f")" $(floor_args "$f")
}
floor25() { # variant
  # shellcheck disable=SC2046
  "$JAVA25_HOME/bin/java" "${J25_FLAGS[@]}" -XX:AOTCache="$work/floor-$1.aot" \
    -cp "$(floor_cp "$1")" $(floor_args "$1")
}

# paired: every round runs each variant once, in turn
declare -A pair_walls pair_cpus
variants=(java17 peer)
$have25 && variants=(java17 java25 peer)
variants+=("${floors[@]}")
load_before=$(cut -d" " -f1-3 /proc/loadavg)
for _ in $(seq 1 "$RUNS"); do
  for v in "${variants[@]}"; do
    case $v in
      java17) read -r wall cpu <<<"$(run_timed tick "${RECOMMENDED[@]}")" ;;
      java25) read -r wall cpu <<<"$(run_timed tick25 "${J25_FLAGS[@]}" -XX:AOTCache="$work/tick.aot")" ;;
      peer) read -r wall cpu <<<"$(run_timed peer)" ;;
      floor-*-java25) f=${v#floor-} && read -r wall cpu <<<"$(run_timed floor25 "${f%-java25}")" ;;
      floor-*) read -r wall cpu <<<"$(run_timed floor17 "${v#floor-}")" ;;
    esac
    pair_walls[$v]+="$wall "
    pair_cpus[$v]+="$cpu "
  done
done
load_after=$(cut -d" " -f1-3 /proc/loadavg)
echo "$RUNS rounds of ${variants[*]}, in turn, $(nproc) cores; medians; peer: $(node_peer_versions)"
declare -A median median_cpu
for v in "${variants[@]}"; do
  # shellcheck disable=SC2086
  median[$v]=$(median_of ${pair_walls[$v]})
  # shellcheck disable=SC2086
  median_cpu[$v]=$(median_of ${pair_cpus[$v]})
  # shellcheck disable=SC2086
  printf '%-24s wall %5s ms  cpu %5s ms  (wall: %s)\n' "$v" "${median[$v]}" \
    "${median_cpu[$v]}" "$(printf '%s\n' ${pair_walls[$v]} | sort -n | tr '\n' ' ')"
done
echo "load $load_before -> $load_after"
for v in "${variants[@]}"; do
  [[ $v == peer ]] && continue
  awk -v o="${median[$v]}" -v p="${median[peer]}" -v n="$v" \
    'BEGIN { printf "PAIR cold-start-%s ours=%d peer=%d ratio=%.2f\n", n, o, p, o / p }'
done
for v in "${variants[@]}"; do
  [[ $v == peer ]] && continue
  awk -v o="${median_cpu[$v]}" -v p="${median_cpu[peer]}" -v n="$v" \
    'BEGIN { printf "CPU cold-start-%s ours=%d peer=%d ratio=%.2f\n", n, o, p, o / p }'
done

# Classes loaded by one run of each (Java 17, recommended flags): what the JVM has to map or define.
classes_loaded() { # log file -> its count of loaded classes
  wc -l <"$1" | tr -d ' '
}
tick "${RECOMMENDED[@]}" -Xlog:class+load:file="$work/classes.log" >/dev/null 2>&1
echo "CLASSES cold-start-java17 loaded=$(classes_loaded "$work/classes.log")"
for v in "${floors[@]}"; do
  [[ $v == *-java25 ]] && continue
  floor17 "${v#floor-}" -Xlog:class+load:file="$work/classes.log" >/dev/null 2>&1
  echo "CLASSES cold-start-$v loaded=$(classes_loaded "$work/classes.log")"
done

if [[ ${ALL_VARIANTS:-0} == 1 ]]; then
  echo "each variant $RUNS runs in a row; medians"
  measure "default" tick
  measure "TieredStopAtLevel=1" tick -XX:TieredStopAtLevel=1
  measure "AppCDS" tick "$CDS"
  measure "AppCDS + C1" tick "$CDS" -XX:TieredStopAtLevel=1
  measure "AppCDS + C1 + SerialGC (recommended)" tick "${RECOMMENDED[@]}"
  measure "floor: java -Xshare:auto -version" java -Xshare:auto -version
fi
