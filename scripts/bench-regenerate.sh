#!/usr/bin/env bash
# Benchmark `scorecard regenerate`: a full run (fresh store: import, assess, store, render) and a
# no-op run (nothing changed) on the anchors' medium corpus, and the no-op run on the demo card.
#
#   scripts/bench-regenerate.sh               # medium corpus, .json and .eval
#   REPEAT=5 FORMATS=eval scripts/bench-regenerate.sh
#
# Generates anchors-data/medium/{json,eval} with the anchors' generator if missing (git-ignored),
# builds the release binary, writes a card per format in anchors-data/cards/, then reports medians
# of whole-process wall time: full runs each start from an empty store and report folder; no-op
# runs follow a completed run. Ratio = no-op ÷ full.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-/work/.venv-anchors/bin/python}
ANCHORS=${ANCHORS:-/work/shared/anchors}
DATA=${DATA:-anchors-data}
FORMATS=${FORMATS:-json eval}
REPEAT=${REPEAT:-3}
NOOP_REPEAT=${NOOP_REPEAT:-11}

for fmt in $FORMATS; do
  dir=$DATA/medium/$fmt
  [ -d "$dir" ] || "$PY" "$ANCHORS/gen_corpus.py" --preset medium --format "$fmt" --out "$dir" >&2
done
swift build -c release --product scorecard >&2
BIN=$(swift build -c release --show-bin-path)/scorecard

# Microseconds from bash's clock (no process started, so the timer adds nothing measurable).
now() { local t=${EPOCHREALTIME/./}; echo "$t"; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# run_ms CONFIG: one regenerate, wall milliseconds on stdout; exit codes 0, 4, 5, 9 and 11 are successes.
run_ms() {
  local start end status=0
  start=$(now)
  "$BIN" regenerate --config "$1" >/dev/null 2>&1 || status=$?
  end=$(now)
  if [ $status -ne 0 ] && [ $status -ne 4 ] && [ $status -ne 5 ] && [ $status -ne 9 ] && [ $status -ne 11 ]; then
    echo "regenerate failed ($status): $1" >&2; "$BIN" regenerate --config "$1" >&2 || true; exit 1
  fi
  echo $(( (end - start) / 1000 ))
}

echo "| card | files | MB | full run (median of $REPEAT) | no-op run (median of $NOOP_REPEAT) | no-op ÷ full |"
echo "|---|---|---|---|---|---|"
for fmt in $FORMATS; do
  card=$DATA/cards/$fmt
  rm -rf "$card"; mkdir -p "$card"
  cat >"$card/scorecard.yaml" <<CARD
schema_version: 1
framework: $(pwd)/frameworks/openai-preparedness-beta.yaml
evidence:
  - {path: $(pwd)/$DATA/medium/$fmt, stage: pre_mitigation, map: {tacit_knowledge: tacit_knowledge_troubleshooting}}
reports: {directory: reports, formats: [md, html]}
CARD
  fulls=()
  for _ in $(seq "$REPEAT"); do
    rm -rf "$card/.scorecard" "$card/reports"
    fulls+=("$(run_ms "$card/scorecard.yaml")")
  done
  noops=()
  for _ in $(seq "$NOOP_REPEAT"); do noops+=("$(run_ms "$card/scorecard.yaml")"); done
  full=$(printf '%s\n' "${fulls[@]}" | median)
  noop=$(printf '%s\n' "${noops[@]}" | median)
  files=$(find "$DATA/medium/$fmt" -type f | wc -l)
  mb=$(du -sm "$DATA/medium/$fmt" | cut -f1)
  echo "| medium .$fmt | $files | $mb | ${full} ms | ${noop} ms | $(awk -v a="$noop" -v b="$full" 'BEGIN { printf "%.2f%%", 100 * a / b }') |"
done

demo=$DATA/cards/demo
rm -rf "$demo"; mkdir -p "$demo/examples/demo" "$demo/frameworks"
cp examples/demo/{scorecard.yaml,evidence.jsonl,determinations.yaml} "$demo/examples/demo/"
cp frameworks/openai-preparedness-beta.yaml "$demo/frameworks/"
full=$(run_ms "$demo/examples/demo/scorecard.yaml")
noops=()
for _ in $(seq "$NOOP_REPEAT"); do noops+=("$(run_ms "$demo/examples/demo/scorecard.yaml")"); done
noop=$(printf '%s\n' "${noops[@]}" | median)
echo "| demo | 1 | 0 | ${full} ms | ${noop} ms | $(awk -v a="$noop" -v b="$full" 'BEGIN { printf "%.2f%%", 100 * a / b }') |"
