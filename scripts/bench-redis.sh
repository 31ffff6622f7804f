#!/usr/bin/env bash
# Queue benchmark (issue 3): 50,000 messages enqueued then drained (claimNext, then
# completeAndClaimNext per message: one round trip each; no-op send, limits off) through RedisMessageQueue, then the same through BullMQ 6.7.0 (addBulk + Worker,
# concurrency 16), on the same Redis. Prints both throughputs and the drain ratio.
# Both sides first run the same work on a throw-away queue (BENCH_WARMUP messages, 10000) so the
# figures are of warmed-up code, not of the JIT.
#   REDIS_URL (default redis://127.0.0.1:6379), BENCH_MESSAGES (50000), BENCH_WORKERS (16),
#   BENCH_DRAIN=two-call drains ours with claimNext + complete (two round trips) instead.
#   BULLMQ_DIR (scratch dir for the npm install, default /tmp/fm-bench-bullmq).
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

echo "== ours (RedisMessageQueue, $WORKERS workers)"
OURS=$(java -cp "$CP" com.feesmanager.automation.adapters.redis.RedisQueueBenchmark \
  "$REDIS_URL" "$BENCH_MESSAGES" "$WORKERS" "$BENCH_WARMUP" "${BENCH_DRAIN:-combined}")
echo "$OURS" | grep -v '='

echo "== BullMQ 6.7.0"
THEIRS=$(cd "$BULLMQ_DIR" && node bench.cjs)
echo "$THEIRS" | grep -v '='

ours=$(echo "$OURS" | sed -n 's/^ours_drain_per_s=//p')
theirs=$(echo "$THEIRS" | sed -n 's/^bullmq_drain_per_s=//p')
awk -v o="$ours" -v t="$theirs" 'BEGIN { printf "== drain ratio ours/BullMQ: %.2fx (target >= 2x)\n", o / t }'
