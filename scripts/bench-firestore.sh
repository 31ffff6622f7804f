#!/usr/bin/env bash
# Against a Firestore emulator it starts itself: reads an account of 10,000 students (pages of
# 1,000) and writes 10,000 QUEUED message logs (batches of up to 500), three rounds, each on a
# fresh connection, and prints both rates. Targets: ≥ 5,000 students/s and ≥ 5,000 logs/s.
#
#   scripts/bench-firestore.sh
#   scripts/bench-firestore.sh -Dbench.students=20000 -Dbench.rounds=1
set -euo pipefail

cd "$(dirname "$0")/.."
./mvnw -q -B -pl adapters-firestore -am verify \
  -Dspotless.check.skip=true -Denforcer.skip=true \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FirestoreBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -DtrimStackTrace=false "$@" 2>&1 | grep -E '^round|ERROR|FAIL' || true
