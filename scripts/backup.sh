#!/usr/bin/env bash
# Backs up the Redis data of the Compose stack (queue, dead letters, dedupe keys, claims):
# BGSAVE, wait for it, then copy dump.rdb and the AOF directory out of the volume. Firestore is
# the Fees Manager's own database: this prints the export command instead of running it.
#
#   scripts/backup.sh                     # into backups/<UTC timestamp>/
#   scripts/backup.sh /srv/backups/fees   # into that directory/<UTC timestamp>/
#
# Restore: stop the stack, copy dump.rdb and appendonlydir/ back into the redis-data volume,
# start it again (docs/deployment.md).
set -euo pipefail

cd "$(dirname "$0")/.."

stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="${1:-backups}/${stamp}"

compose() {
  docker compose --env-file .env -f docker/docker-compose.yml "$@"
}
redis_cli() {
  compose exec -T redis redis-cli "$@"
}

if ! redis_cli ping >/dev/null 2>&1; then
  echo "backup: Redis is not running in the Compose stack" >&2
  exit 1
fi

before=$(redis_cli LASTSAVE | tr -d '\r')
reply=$(redis_cli BGSAVE SCHEDULE | tr -d '\r')
case "$reply" in
  *"started"* | *"scheduled"*) ;;
  *)
    echo "backup: BGSAVE refused: $reply" >&2
    exit 1
    ;;
esac
echo "backup: BGSAVE: $reply"
for _ in $(seq 1 300); do
  now=$(redis_cli LASTSAVE | tr -d '\r')
  [[ $now != "$before" ]] && break
  sleep 1
done
if [[ $now == "$before" ]]; then
  echo "backup: the snapshot did not finish within 300 s" >&2
  exit 1
fi
status=$(redis_cli INFO persistence | tr -d '\r' | sed -n 's/^rdb_last_bgsave_status://p')
if [[ $status != "ok" ]]; then
  echo "backup: the snapshot failed (rdb_last_bgsave_status=$status)" >&2
  exit 1
fi

mkdir -p "$target"
chmod 700 "$target"
compose cp redis:/data/dump.rdb "$target/dump.rdb"
if [[ $(redis_cli CONFIG GET appendonly | tr -d '\r' | tail -n 1) == "yes" ]]; then
  compose cp redis:/data/appendonlydir "$target/appendonlydir"
else
  echo "backup: warning: appendonly is off; only the snapshot is saved" >&2
fi
echo "backup: Redis saved in $target"
ls -l "$target"

project=$(grep -E '^FIREBASE_PROJECT_ID=' .env 2>/dev/null | tail -n 1 | cut -d= -f2- | tr -d "\"'" || true)
cat <<FIRESTORE

Firestore (the app's data, written by the backend: run with an account that may export):
  gcloud firestore export gs://YOUR_BUCKET/fees-automation/${stamp} --project=${project:-YOUR_PROJECT_ID}
FIRESTORE
