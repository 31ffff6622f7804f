#!/usr/bin/env bash
# Footprint of the daemon jar (issue 6): resident memory serving 10 accounts × 5,000 students,
# each account with its own session, started with exactly the JAVA_OPTS of docker/Dockerfile and
# a CDS archive recorded the way the image records it (a training run of the demo). Every rule
# fires at one coming minute: 50,000 students evaluated, 25 % overdue → 12,500 messages queued
# and delivered to the wppconnect-server double (MIN_SEND_INTERVAL=PT0S). VmRSS/VmHWM of
# /proc/<pid>/status every second: idle, peak, after. Target ≤ 130 MiB RSS and no
# OutOfMemoryError (the flags include -XX:+ExitOnOutOfMemoryError). Also printed: when the first
# message arrived after the minute. The Node peer of issue 16 (scripts/peers/daemon-peer.cjs:
# firebase-admin, a bull worker, a node-cron minute job, the same students in memory, RSS after a
# GC) runs on the same emulator and Redis before our daemon and after it; its mean is the ratio's
# denominator (PEER=0 skips it). Takes about 6 minutes.
#
#   scripts/bench-footprint.sh
#   scripts/bench-footprint.sh -Dbench.extraFlags="-Xmx64m" -Dbench.env=MALLOC_ARENA_MAX=2
#   scripts/bench-footprint.sh -Dbench.nmt=true      # + jcmd VM.native_memory summary
#   scripts/bench-footprint.sh -Dbench.overduePercent=100 -Dbench.minSendInterval=PT3S
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/daemon-benchmark.sh
source scripts/lib/daemon-benchmark.sh
peer_args=()
if [[ ${PEER:-1} == 1 ]]; then
  # shellcheck source=scripts/lib/node-peers.sh
  source scripts/lib/node-peers.sh
  install_node_peers
  echo "peer: $(node_peer_versions)"
  peer_args=(-Dbench.nodePeer="$PEERS_DIR/daemon-peer.cjs")
fi
run_daemon_benchmark DaemonFootprintBenchmark bench-footprint '^(imported|all [0-9]+ occurrences|first message|delivered|footprint|peer|nmt)|ERROR|FAIL|Exception' 'footprint:' "${peer_args[@]}" "$@"
