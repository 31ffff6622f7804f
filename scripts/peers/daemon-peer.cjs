// The seed's Node stack as a daemon (issue 16, the footprint peer): firebase-admin, a bull worker
// and a node-cron minute job, holding every enabled account's students in memory (10 × 5,000 in
// the benchmark), as the seed did. After PEER_IDLE_SECONDS (default 20) idle it runs the GC twice
// (node --expose-gc) and prints its resident memory, then exits:
//   peer_rss_kib=<VmRSS> peer_heap_used_kib=<…> accounts=<n> students=<n>
// Env: FIRESTORE_EMULATOR_HOST, FIREBASE_PROJECT_ID, REDIS_URL.
'use strict';
const fs = require('fs');
const admin = require('firebase-admin');
const Queue = require('bull');
const cron = require('node-cron');

const IDLE_MS = 1000 * Number(process.env.PEER_IDLE_SECONDS || 20);

async function main() {
  admin.initializeApp({ projectId: process.env.FIREBASE_PROJECT_ID });
  const db = admin.firestore();
  const students = new Map();
  const enabled = () => db.collection('users').where('automation.enabled', '==', true).get();
  const accounts = await enabled();
  for (const account of accounts.docs) {
    const snapshot = await db.collection('users').doc(account.id).collection('students').get();
    students.set(
      account.id,
      snapshot.docs.map((d) => ({ id: d.id, ...d.data() })),
    );
  }
  const queue = new Queue('fees-reminders', process.env.REDIS_URL);
  queue.process(16, async () => {});
  const minute = cron.schedule('* * * * *', async () => {
    await enabled();
  });
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  global.gc();
  global.gc();
  const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1];
  let count = 0;
  for (const list of students.values()) count += list.length;
  console.log(
    `peer_rss_kib=${rss} peer_heap_used_kib=${Math.round(process.memoryUsage().heapUsed / 1024)}` +
      ` accounts=${students.size} students=${count}`,
  );
  minute.stop();
  await queue.close();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
