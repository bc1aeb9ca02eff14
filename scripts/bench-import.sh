#!/usr/bin/env bash
# Benchmark `scorecard import` against the Python anchor pipeline, in one run, on one corpus.
#
#   scripts/bench-import.sh                 # medium corpus, .json and .eval
#   REPEAT=5 FORMATS=json scripts/bench-import.sh
#   SKIP_INSPECT=1 scripts/bench-import.sh  # leave out the slow inspect_ai reader (~60 s + ~180 s)
#
# Generates anchors-data/medium/{json,eval} with the anchors' generator if missing (~1.4 GB +
# 0.5 GB, about 40 s; anchors-data/ is git-ignored), builds the release binary, then times:
#   ours      scorecard import DIR --out FILE (read, statistics with B=10,000, JSON Lines written),
#             as a whole process under /usr/bin/time -v, REPEAT times;
#   ours B=1k the same with --bootstrap-resamples 1000, the Python pipeline's B;
#   orjson    python_pipeline.py --reader orjson, REPEAT times;
#   inspect   python_pipeline.py --reader inspect, once (it is slow).
# plus `scorecard bench import` for the in-process phases (read, compute, encode, MB/s,
# records/s, peak RSS). Medians of wall time and peak RSS; ratio = that tool's wall / ours.
# Raw /usr/bin/time outputs are kept in $DATA/runs-import/.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-/work/.venv-anchors/bin/python}
ANCHORS=${ANCHORS:-/work/shared/anchors}
DATA=${DATA:-anchors-data}
PRESET=${PRESET:-medium}
FORMATS=${FORMATS:-json eval}
REPEAT=${REPEAT:-3}
SKIP_INSPECT=${SKIP_INSPECT:-0}
RUNS=$DATA/runs-import
mkdir -p "$RUNS"

for fmt in $FORMATS; do
  dir=$DATA/$PRESET/$fmt
  if [ ! -d "$dir" ]; then
    echo "generating $dir" >&2
    "$PY" "$ANCHORS/gen_corpus.py" --preset "$PRESET" --format "$fmt" --out "$dir" >&2
  fi
done

swift build -c release --product scorecard >&2
BIN=$(swift build -c release --show-bin-path)/scorecard

# timed LABEL FILE -- command...: runs the command under /usr/bin/time -v into FILE.
timed() {
  local file=$1; shift
  /usr/bin/time -v "$@" >"$file" 2>&1 || { echo "failed: $* (see $file)" >&2; tail -5 "$file" >&2; exit 1; }
}
wall() {  # seconds from a /usr/bin/time -v output
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"
}
rss() {  # peak RSS in MB (10^6 bytes)
  awk -F': ' '/Maximum resident set size/ { printf "%.1f\n", $2 * 1024 / 1e6 }' "$1"
}
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

rows=()
phases=()
for fmt in $FORMATS; do
  dir=$DATA/$PRESET/$fmt
  out=$RUNS/out-$fmt.jsonl
  declare -A walls=() rsss=()
  for tool in ours ours-b1000 orjson inspect; do
    count=$REPEAT
    [ "$tool" = inspect ] && count=1
    [ "$tool" = inspect ] && [ "$SKIP_INSPECT" = 1 ] && continue
    w=(); r=()
    for i in $(seq 1 "$count"); do
      log=$RUNS/$PRESET.$fmt.$tool.$i.txt
      case $tool in
        ours) rm -f "$out"; timed "$log" "$BIN" import "$dir" --stage pre_mitigation --out "$out" --quiet ;;
        ours-b1000) rm -f "$out"; timed "$log" "$BIN" import "$dir" --stage pre_mitigation --out "$out" --quiet --bootstrap-resamples 1000 ;;
        *) timed "$log" "$PY" "$ANCHORS/python_pipeline.py" "$dir" --out "$RUNS/reports-$fmt-$tool" --reader "$tool" ;;
      esac
      w+=("$(wall "$log")"); r+=("$(rss "$log")")
      echo "$fmt $tool run $i: $(wall "$log") s, $(rss "$log") MB" >&2
    done
    walls[$tool]=$(printf '%s\n' "${w[@]}" | median)
    rsss[$tool]=$(printf '%s\n' "${r[@]}" | median)
  done
  for tool in ours ours-b1000 orjson inspect; do
    [ -z "${walls[$tool]:-}" ] && continue
    ratio=$(awk -v a="${walls[$tool]}" -v b="${walls[ours]}" 'BEGIN { printf "%.1fx", a / b }')
    runs=$REPEAT; [ "$tool" = inspect ] && runs=1
    rows+=("| $fmt | $tool | $runs | ${walls[$tool]} | ${rsss[$tool]} | $ratio |")
  done
  # In-process phases of our import (medians over REPEAT).
  "$BIN" bench import "$dir" --repeat "$REPEAT" --format json >"$RUNS/bench-$fmt.json"
  phases+=("$fmt $(python3 -c '
import json, sys
d = json.load(open(sys.argv[1])); m = d["median"]
print("| %.2f | %.2f | %.2f | %.2f | %.0f | %.0f | %.1f | %.3f |" % (m["wall_seconds"], m["read_seconds"], m["compute_seconds"],
      m["encode_seconds"], m["megabytes_per_second"], m["records_per_second"], m["peak_rss_megabytes"],
      d["bootstrap_10000_problems_seconds"]))' "$RUNS/bench-$fmt.json")")
  unset walls rsss
done

echo
echo "## scorecard import vs the Python pipeline ($PRESET corpus, wall s and peak RSS MB: medians; ratio = tool / ours)"
echo
echo "| format | tool | runs | wall s | peak RSS MB | ratio |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "## scorecard bench import (in-process, B=10,000; phases are thread-seconds over 2 workers)"
echo
echo "| format | wall s | read s | compute s | encode s | MB/s | records/s | peak RSS MB | bootstrap B=10k x 10k problems s |"
echo "|---|---|---|---|---|---|---|---|---|"
for p in "${phases[@]}"; do echo "| ${p%% *} ${p#* }"; done
