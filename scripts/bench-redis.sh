#!/usr/bin/env bash
# Queue benchmark (issue 3): 50,000 messages enqueued then drained (claimNext, then per message
# markSending + completeAndClaimNext, the queue calls DeliverMessagesService makes: two round trips;
# no-op send, limits off) through RedisMessageQueue, then the same through BullMQ 6.7.0 (addBulk + Worker,
# concurrency 16), on the same Redis. Prints both throughputs and the drain ratio.
# Both sides first run the same work on a throw-away queue (BENCH_WARMUP messages, 10000) so the
# figures are of warmed-up code, not of the JIT.
#   REDIS_URL (default redis://127.0.0.1:6379), BENCH_MESSAGES (50000), BENCH_WORKERS (16),
#   BENCH_DRAIN=two-call drains ours with claimNext + markSending + complete (three) instead.
#   BULLMQ_DIR (scratch dir for the npm install, default /tmp/fm-bench-bullmq).
#   ROUNDS (1): rounds of ours then BullMQ, in turn; the ratio is of the medians.
#   BENCH_CLIENTS ("jedis", the client every process of the project uses): our Redis clients,
#   each in every round before BullMQ, e.g. "jedis lettuce"; the PAIR line is the first one's, a
#   PAIR-<client> line each other's.
set -euo pipefail
cd "$(dirname "$0")/.."
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export BENCH_MESSAGES="${BENCH_MESSAGES:-50000}"
export BENCH_WARMUP="${BENCH_WARMUP:-10000}"
WORKERS="${BENCH_WORKERS:-16}"
BULLMQ_DIR="${BULLMQ_DIR:-/tmp/fm-bench-bullmq}"

echo "== building adapters-redis test classes"
./mvnw -q -B -pl adapters-redis -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="adapters-redis/target/test-classes:adapters-redis/target/classes:$(cat adapters-redis/target/bench.classpath)"

# BullMQ 6 makes its Redis client optional: ioredis 5 is the one it is built and documented with.
echo "== installing bullmq@6.7.0 (+ ioredis@5) into $BULLMQ_DIR"
mkdir -p "$BULLMQ_DIR"
if [ ! -f "$BULLMQ_DIR/node_modules/bullmq/package.json" ] \
   || ! grep -q '"version": "6.7.0"' "$BULLMQ_DIR/node_modules/bullmq/package.json" \
   || [ ! -f "$BULLMQ_DIR/node_modules/ioredis/package.json" ]; then
  (cd "$BULLMQ_DIR" && { [ -f package.json ] || npm init -y >/dev/null; } \
     && npm install --no-audit --no-fund --silent bullmq@6.7.0 ioredis@5)
fi
cp scripts/bench-redis-bullmq.cjs "$BULLMQ_DIR/bench.cjs"

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
CLIENTS=(${BENCH_CLIENTS:-jedis})
declare -A ours_by
theirs_all=()
for round in $(seq 1 "${ROUNDS:-1}"); do
  for client in "${CLIENTS[@]}"; do
    echo "== round $round: ours (RedisMessageQueue on $client, $WORKERS workers)"
    OURS=$(java -cp "$CP" com.feesmanager.automation.adapters.redis.RedisQueueBenchmark \
      "$REDIS_URL" "$BENCH_MESSAGES" "$WORKERS" "$BENCH_WARMUP" "${BENCH_DRAIN:-combined}" "$client")
    echo "$OURS"
    ours_by[$client]+="$(echo "$OURS" | sed -n 's/^ours_drain_per_s=//p') "
  done

  echo "== round $round: BullMQ 6.7.0"
  THEIRS=$(cd "$BULLMQ_DIR" && node bench.cjs)
  echo "$THEIRS"
  theirs_all+=("$(echo "$THEIRS" | sed -n 's/^bullmq_drain_per_s=//p')")
done

median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
theirs=$(median "${theirs_all[@]}")
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for client in "${CLIENTS[@]}"; do
  # shellcheck disable=SC2086 # one median over the client's rounds
  ours=$(median ${ours_by[$client]})
  label=PAIR
  [ "$client" = "${CLIENTS[0]}" ] || label="PAIR-$client"
  awk -v o="$ours" -v t="$theirs" -v r="${ROUNDS:-1}" -v c="$client" -v l="$label" 'BEGIN {
    printf "== drain ratio ours (%s)/BullMQ: %.2fx (medians of %d rounds: %d/s vs %d/s; target >= 2.5x)\n", c, o / t, r, o, t
    printf "%s queue-drain ours=%d peer=%d ratio=%.2f\n", l, o, t, o / t }'
done
