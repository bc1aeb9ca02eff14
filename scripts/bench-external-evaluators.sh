#!/usr/bin/env bash
# Times an assessment with 20 external indicators against the same with 20 built-in ones.
#
#   scripts/bench-external-evaluators.sh [path/to/scorecard]   (default .build/release/scorecard)
#
# Three frameworks over the same evidence (2 models x 2 stages x 20 evaluations):
#   builtin   20 indicators read by the built-in `metric` evaluator
#   batched   20 indicators of one external evaluator: one call per model (2 calls)
#   separate  20 external evaluators, one indicator each: one call per evaluator and model (40 calls)
# Each is run once "cold" (the first run after the files are written) and then 7 times "warm";
# the median of the warm runs is printed. Per-call overhead = (separate - builtin) / 40.
set -euo pipefail
BIN=${1:-.build/release/scorecard}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
SCRIPT_SRC="$(cd "$(dirname "$0")/.." && pwd)/Tests/ScorecardPluginsTests/Scripts/counting.py"

python3 - "$DIR" "$SCRIPT_SRC" <<'PY'
import json, os, shutil, sys
out, script = sys.argv[1], sys.argv[2]
shutil.copy(script, os.path.join(out, "counting.py"))
head = """schema_version: 2
id: bench
name: Bench
version: "1"
levels: [{id: low}, {id: medium}]
stages: [{id: pre}, {id: post}]
aggregation: max
"""
def indicators(evaluator):
    lines = ["categories:", "  - id: c", "    name: C", "    indicators:"]
    for i in range(20):
        name = evaluator(i)
        lines.append(f"      - {{id: i{i}, name: I{i}, evaluator: {name}, eval: e{i}, metric: m, thresholds: {{medium: {{value: 0.5, rationale: bench}}}}}}")
    lines.append("    rule_out: {medium: {indicators: [i0], rationale: bench}}")
    return "\n".join(lines) + "\n"
def external(name):
    return f"  {name}:\n    kind: external\n    summary: bench\n    command: [python3, counting.py]\n"
open(os.path.join(out, "builtin.yaml"), "w").write(head + indicators(lambda i: "metric"))
open(os.path.join(out, "batched.yaml"), "w").write(head + "evaluators:\n" + external("x") + indicators(lambda i: "x"))
open(os.path.join(out, "separate.yaml"), "w").write(
    head + "evaluators:\n" + "".join(external(f"x{i}") for i in range(20)) + indicators(lambda i: f"x{i}"))
with open(os.path.join(out, "evidence.jsonl"), "w") as f:
    for model in ["a", "b"]:
        for stage in ["pre", "post"]:
            for i in range(20):
                f.write(json.dumps({"model": model, "stage": stage, "eval": f"e{i}", "metric": "m", "value": 0.3, "n": 100}) + "\n")
PY

cd "$DIR"
now() { python3 -c 'import time; print(time.perf_counter())'; }
for name in builtin batched separate; do
  rm -f calls.log
  start=$(now); "$BIN" assess --framework "$name.yaml" --evidence evidence.jsonl >/dev/null; end=$(now)
  cold=$(python3 -c "print(round(($end - $start) * 1000, 1))")
  calls=$( [ -f calls.log ] && wc -l < calls.log || echo 0 )
  warm=()
  for _ in 1 2 3 4 5 6 7; do
    start=$(now); "$BIN" assess --framework "$name.yaml" --evidence evidence.jsonl >/dev/null; end=$(now)
    warm+=("$(python3 -c "print(($end - $start) * 1000)")")
  done
  median=$(printf '%s\n' "${warm[@]}" | sort -n | sed -n 4p)
  printf '%-9s calls per run %3s   cold %7s ms   warm median %7.1f ms\n' "$name" "$calls" "$cold" "$median"
done
