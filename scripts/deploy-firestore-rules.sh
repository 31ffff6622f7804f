#!/usr/bin/env bash
# Deploys the Firestore security rules and indexes shipped at the repository root
# (firestore.rules, firestore.indexes.json, firebase.json) with a pinned firebase-tools from npm.
#
#   scripts/deploy-firestore-rules.sh --project my-firebase-project
#   FIREBASE_PROJECT_ID=my-firebase-project scripts/deploy-firestore-rules.sh
#   scripts/deploy-firestore-rules.sh --project p --dry-run   # prints the command, deploys nothing
#
# Credentials: a `firebase login` session, or GOOGLE_APPLICATION_CREDENTIALS naming a service
# account key allowed to deploy rules and indexes (roles/firebaserules.admin and
# roles/datastore.indexAdmin). Needs Node.js 20+ and npm. See docs/firestore.md.
set -euo pipefail

cd "$(dirname "$0")/.."

# Pinned: a rules deploy must not change with whatever npm publishes next.
FIREBASE_TOOLS_VERSION="15.37.0"

project="${FIREBASE_PROJECT_ID:-}"
dry_run=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --project)
      [[ $# -ge 2 ]] || { echo "deploy-firestore-rules: --project needs a value" >&2; exit 2; }
      project="$2"
      shift 2
      ;;
    --dry-run)
      dry_run=true
      shift
      ;;
    -h | --help)
      sed -n '2,11p' "$0"
      exit 0
      ;;
    *)
      echo "deploy-firestore-rules: unknown argument: $1" >&2
      exit 2
      ;;
  esac
done

[[ -n "$project" ]] || {
  echo "deploy-firestore-rules: no project: pass --project ID or set FIREBASE_PROJECT_ID" >&2
  exit 2
}
for file in firebase.json firestore.rules firestore.indexes.json; do
  [[ -f "$file" ]] || { echo "deploy-firestore-rules: $file is missing" >&2; exit 2; }
done

command=(npx --yes "firebase-tools@${FIREBASE_TOOLS_VERSION}" deploy
  --only firestore:rules,firestore:indexes --project "$project" --non-interactive)
if $dry_run; then
  printf '%q ' "${command[@]}"
  echo
  exit 0
fi
command -v npx >/dev/null 2>&1 || {
  echo "deploy-firestore-rules: npx not found: install Node.js 20+ (it brings npm and npx)" >&2
  exit 2
}
"${command[@]}"
