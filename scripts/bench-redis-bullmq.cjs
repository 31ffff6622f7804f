// BullMQ side of scripts/bench-redis.sh: addBulk N jobs, then drain them with one Worker
// (concurrency 16, no-op processor) on the same Redis. Prints throughputs as key=value lines.
const { Queue, Worker } = require('bullmq');

async function main() {
  const url = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
  const connection = {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
  const count = Number(process.env.BENCH_MESSAGES || 50000);
  const warmUp = Number(process.env.BENCH_WARMUP || 10000);
  // The same work on another queue first, as the Java side does, so both run warmed up.
  await run(connection, 'fm-bench-warmup-' + Date.now(), warmUp);
  const { addSeconds, drainSeconds } = await run(connection, 'fm-bench-' + Date.now(), count);
  console.log(
    `bullmq: ${count} jobs, concurrency 16: addBulk ${(count / addSeconds).toFixed(0)} jobs/s ` +
      `(${addSeconds.toFixed(2)} s), drain ${(count / drainSeconds).toFixed(0)} jobs/s ` +
      `(${drainSeconds.toFixed(2)} s)`);
  console.log(`bullmq_add_per_s=${(count / addSeconds).toFixed(0)}`);
  console.log(`bullmq_drain_per_s=${(count / drainSeconds).toFixed(0)}`);
}

async function run(connection, name, count) {
  const queue = new Queue(name, { connection });
  await queue.waitUntilReady();
  const body = 'Dear Parent, the fee of PKR 4,000 for Ali Raza is overdue.';

  const addStart = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1000) {
    const chunk = [];
    for (let j = i; j < Math.min(count, i + 1000); j++) {
      chunk.push({ name: 'reminder', data: { i: j, to: '923001234567', body } });
    }
    await queue.addBulk(chunk);
  }
  const addSeconds = Number(process.hrtime.bigint() - addStart) / 1e9;

  let completed = 0;
  let drainStart;
  const done = new Promise((resolve) => {
    drainStart = process.hrtime.bigint();
    const worker = new Worker(name, async () => {}, { connection, concurrency: 16 });
    worker.on('completed', () => {
      completed++;
      if (completed === count) {
        resolve(worker);
      }
    });
  });
  const worker = await done;
  const drainSeconds = Number(process.hrtime.bigint() - drainStart) / 1e9;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { addSeconds, drainSeconds };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
