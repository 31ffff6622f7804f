// The seed's Node stack as a one-shot tick with nothing due (issue 16, the cold-start peer):
// firebase-admin's Firestore client queries the accounts with automation.enabled == true (on the
// emulator named by FIRESTORE_EMULATOR_HOST), a bull queue reads its job counts from REDIS_URL,
// then the process exits, as our `tick` does. Installed with its modules by bench-cold-start.sh.
'use strict';
const admin = require('firebase-admin');
const Queue = require('bull');

async function main() {
  admin.initializeApp({ projectId: process.env.FIREBASE_PROJECT_ID });
  const queue = new Queue('fees-reminders', process.env.REDIS_URL);
  const [accounts, counts] = await Promise.all([
    admin.firestore().collection('users').where('automation.enabled', '==', true).get(),
    queue.getJobCounts(),
  ]);
  console.log(`accounts=${accounts.size} waiting=${counts.waiting} delayed=${counts.delayed}`);
  await queue.close();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
