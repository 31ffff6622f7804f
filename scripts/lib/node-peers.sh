# shellcheck shell=bash
# The Node peers of issue 16 (scripts/peers/*.cjs: the seed's stack, firebase-admin + bull +
# node-cron), installed from npm into a scratch folder, never into the repository.
#
#   install_node_peers        # sets PEERS_DIR (default /tmp/fm-bench-peers; $PEERS_DIR wins)

install_node_peers() {
  PEERS_DIR=${PEERS_DIR:-/tmp/fm-bench-peers}
  local repo
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  mkdir -p "$PEERS_DIR"
  if [[ ! -f $PEERS_DIR/node_modules/firebase-admin/package.json \
     || ! -f $PEERS_DIR/node_modules/bull/package.json \
     || ! -f $PEERS_DIR/node_modules/node-cron/package.json ]]; then
    echo "== installing firebase-admin@12, bull@4, node-cron@3 into $PEERS_DIR" >&2
    (cd "$PEERS_DIR" && { [[ -f package.json ]] || npm init -y >/dev/null; } \
       && npm install --no-audit --no-fund --silent firebase-admin@12 bull@4 node-cron@3) >&2
  fi
  cp "$repo"/scripts/peers/*.cjs "$PEERS_DIR/"
  export PEERS_DIR
}

# The version line of each peer library, for the figures' context.
node_peer_versions() {
  local p
  for p in firebase-admin bull node-cron; do
    printf '%s@%s ' "$p" "$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$PEERS_DIR/node_modules/$p/package.json")"
  done
  printf 'node %s\n' "$(node --version)"
}
