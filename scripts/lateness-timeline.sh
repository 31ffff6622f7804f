#!/usr/bin/env bash
# The phase timeline of each minute from the daemon log that scripts/bench-lateness.sh keeps
# (run it with -Dbench.logLevel=debug): for every boundary, milliseconds after it of the check's
# preparation, start, scan/upkeep (when not prepared), each occurrence queued, firing done, each
# session's first non-idle step (its claim) and first send. READS=1 adds every Firestore read and
# Redis script with its duration and thread (firing-N, session-worker-N: what a send waits on).
# Arrivals at the double are in the benchmark's own output (occurrence … ms).
#
#   scripts/lateness-timeline.sh [runner-daemon/target/bench-lateness-daemon]
set -euo pipefail

dir=${1:-runner-daemon/target/bench-lateness-daemon}
grep -h -v 'jdk.internal' "$dir"/*.err \
  | grep -E "minute check:|FIRED|: (Sent|Waiting|Held|Skipped|Failed)[A-Za-z]* step from|sent to${READS:+| took [0-9]+ ms}" \
  | python3 -c '
import sys, datetime as dt
def ts(s): return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
seen = set()
for line in sys.stdin:
    t = ts(line.split()[0])
    boundary = t.replace(second=0, microsecond=0)
    if t.second >= 55:  # the preparation belongs to the next minute
        boundary += dt.timedelta(minutes=1)
    ms = (t - boundary).total_seconds() * 1000
    text = line.split(" - ", 1)[1].strip()
    if " took " in text:
        text = line.split("[", 1)[1].split("]", 1)[0] + ": " + text
    if "step from" in text or "sent to" in text:
        key = (boundary, text.split(":")[0] if "step from" in text else text.split()[-1], "sent to" in text)
        if key in seen:
            continue  # only each session'"'"'s first step and first send of the minute
        seen.add(key)
    print(f"{boundary:%H:%M} {ms:+8.0f} ms  {text[:160]}")
'
