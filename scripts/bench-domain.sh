#!/usr/bin/env bash
# Builds the benchmarks jar, runs PlanRuleBenchmark (JMH) and prints how many students one
# occurrence plan evaluates and renders per second, from JMH's JSON result.
#
#   scripts/bench-domain.sh                      # the full run, about a minute and a half
#   scripts/bench-domain.sh -f 0 -wi 0 -i 1 -r 1 # a quick smoke run of the wiring
#
# Extra arguments go to JMH (e.g. -p students=10000). JMH stops at the first benchmark error.
set -euo pipefail

cd "$(dirname "$0")/.."
./mvnw -q -B -pl benchmarks -am package -DskipTests

result=benchmarks/target/jmh.json
rm -f "$result"
java -jar benchmarks/target/benchmarks.jar PlanRuleBenchmark -foe true -rf json -rff "$result" "$@"

python3 - "$result" <<'PY'
import json
import sys

SECONDS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0, "hr": 3600.0}


def seconds_per_op(metric):
    """JMH scores are time/op (avgt, sample, ss) or ops/time (thrpt)."""
    score, unit = metric["score"], metric["scoreUnit"]
    if unit.startswith("ops/"):
        return SECONDS[unit[len("ops/"):]] / score
    return score * SECONDS[unit[: -len("/op")]]


with open(sys.argv[1]) as f:
    results = json.load(f)
if not results:
    sys.exit("no JMH result in " + sys.argv[1])

# The per-student plan first: it is the headline number.
results.sort(key=lambda r: not r["benchmark"].endswith(".evaluateAndRender"))
for result in results:
    method = result["benchmark"].rsplit(".", 1)[-1]
    students = int(result.get("params", {}).get("students", 100000))
    per_second = students / seconds_per_op(result["primaryMetric"])
    label = {
        "evaluateAndRender": "students evaluated+rendered per second",
        "planOneMessagePerStudent": "students planned per second (evaluate, render, phones, keys)",
        "planConsolidatedPerRecipient": "students planned per second, consolidated",
    }.get(method, method)
    print(f"{label}: {per_second:.0f}")
PY
