#!/usr/bin/env bash
# Red-team check of `scorecard regenerate` against kill -9 (not part of the test suite: slow).
#
#   scripts/redteam-kill.sh [KILLS] [BINARY]      # defaults: 200, .build/debug/scorecard
#
# Copies the demo card to a temporary folder and alternates its evidence between two versions
# whose levels differ (GPT-4o's pre-mitigation professional CTF 0.01 → 0.91 moves its
# cybersecurity level and makes security hardening required: exit 5; back: exit 4). Each round writes the next version, starts `regenerate`, kills it
# with SIGKILL after a random delay (odd rounds anywhere in 0 to 1.2 × a full run's time, even
# rounds in its last part, 0.8 to 1.2 ×, where commit, rename, print and delivery happen), then
# checks:
#
#   - every report (Markdown, HTML, SVG charts) is byte for byte a whole old or a whole new one;
#   - `scorecard check --store` exits 0: the current scorecards re-derive and the history chain
#     is whole (every 25 rounds `check --all`: every stored scorecard; at the end `check --all
#     --config`, which also re-hashes the inputs on disk);
#   - the next run completes with the alert still owed: 0 when the evidence is back to what the
#     last delivered run saw, else that move's own code (4 or 5), never a lost or spurious alert;
#     then the reports are exactly the current version's and no temporary file of ours is left.
#
# Prints how many kills landed mid-run and how many of all rounds kept every promise; exits 1 if
# any round broke one.
set -euo pipefail

kills=${1:-200}
root=${SCORECARD_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}   # the package, when the script runs from a copy
binary=${2:-$root/.build/debug/scorecard}
[ -x "$binary" ] || { echo "no executable at $binary (swift build first)" >&2; exit 2; }
work=$(mktemp -d /tmp/scorecard-redteam.XXXXXX)
trap 'rm -rf "$work"' EXIT

# A copy of the demo card: examples/demo and the framework, laid out as in the repository.
make_card() {
    mkdir -p "$1/examples" "$1/frameworks"
    cp -r "$root/examples/demo" "$1/examples/demo"
    cp "$root/frameworks/openai-preparedness-beta.yaml" "$1/frameworks/"
}
# Evidence version 0 (as published) or 1 (GPT-4o's pre-mitigation professional CTF at 0.91).
write_version() {
    local evidence="$1/examples/demo/evidence.jsonl"
    if [ "$2" = 1 ]; then
        sed 's/"model": "GPT-4o", "stage": "pre_mitigation", "eval": "ctf_professional", "metric": "pass@10", "value": 0.01,/"model": "GPT-4o", "stage": "pre_mitigation", "eval": "ctf_professional", "metric": "pass@10", "value": 0.91,/' \
            "$root/examples/demo/evidence.jsonl" > "$evidence.tmp"
    else
        cp "$root/examples/demo/evidence.jsonl" "$evidence.tmp"
    fi
    mv "$evidence.tmp" "$evidence"
}
regenerate() { "$binary" regenerate --config "$1/examples/demo/scorecard.yaml" "${@:2}"; }
reports_digest() { (cd "$1/reports/demo" && find . -type f ! -name '.*' | sort | xargs sha256sum); }

# The whole reports of each version, and the exit code of each move, from two clean cards.
for version in 0 1; do
    make_card "$work/expected$version"
    write_version "$work/expected$version" "$version"
    regenerate "$work/expected$version" > /dev/null 2>&1
    reports_digest "$work/expected$version" > "$work/digest$version"
done
set +e
write_version "$work/expected0" 1; regenerate "$work/expected0" > /dev/null 2>&1; code_up=$?
write_version "$work/expected0" 0; regenerate "$work/expected0" > /dev/null 2>&1; code_down=$?
set -e
[ "$code_up" = 5 ] && [ "$code_down" = 4 ] || { echo "setup: expected moves 5 and 4, got $code_up and $code_down" >&2; exit 2; }

card="$work/card"
make_card "$card"
write_version "$card" 0
regenerate "$card" > /dev/null 2>&1
delivered=0      # the evidence version whose summary the last delivered run printed
# A full run's time: the shortest of three runs that move a level (version 1, 0, 1).
duration_ms=
for version in 1 0 1; do
    start=$(date +%s%N); write_version "$card" "$version"; regenerate "$card" > /dev/null 2>&1 || true
    took=$(( ($(date +%s%N) - start) / 1000000 ))
    [ -z "$duration_ms" ] || [ "$took" -lt "$duration_ms" ] && duration_ms=$took
done
delivered=1
echo "a full run takes about $duration_ms ms; killing after 0..$(( duration_ms * 12 / 10 )) ms"

midrun=0; finished=0; broken=0; broken_killed=0
before_begin=0; before_complete=0; before_delivery=0; after_delivery=0
last_run() { sqlite3 "$card/.scorecard/demo.sqlite" "SELECT id || ' ' || status || ' ' || (delivered_at IS NOT NULL) FROM run ORDER BY id DESC LIMIT 1"; }
for round in $(seq 1 "$kills"); do
    version=$(( round % 2 == 1 ? 0 : 1 ))
    write_version "$card" "$version"
    read -r run_before _ < <(last_run)
    # The executable itself in the background (not a shell function), so the kill hits it.
    "$binary" regenerate --config "$card/examples/demo/scorecard.yaml" > "$work/out" 2>&1 &
    pid=$!
    if [ $(( round % 2 )) = 1 ]; then
        delay_ms=$(( RANDOM % (duration_ms * 12 / 10 + 1) ))
    else
        delay_ms=$(( duration_ms * 8 / 10 + RANDOM % (duration_ms * 4 / 10 + 1) ))
    fi
    sleep "$(( delay_ms / 1000 )).$(printf '%03d' $(( delay_ms % 1000 )))"
    kill -9 "$pid" 2>/dev/null || true
    set +e; wait "$pid" 2>/dev/null; status=$?; set -e
    if [ "$status" = 137 ]; then
        midrun=$(( midrun + 1 ))
        read -r run_after run_status run_delivered < <(last_run)
        if [ "$run_after" = "$run_before" ]; then before_begin=$(( before_begin + 1 ))
        elif [ "$run_status" != completed ]; then before_complete=$(( before_complete + 1 ))
        elif [ "$run_delivered" = 0 ]; then before_delivery=$(( before_delivery + 1 ))
        else after_delivery=$(( after_delivery + 1 )); delivered=$version   # printed and recorded: delivered
        fi
    else
        finished=$(( finished + 1 ))
        # The run exited on its own: its summary was delivered, and its code must be the move's.
        expected=0; [ "$version" != "$delivered" ] && { [ "$version" = 1 ] && expected=$code_up || expected=$code_down; }
        if [ "$status" != "$expected" ]; then echo "round $round: an unkilled run exited $status, expected $expected" >&2; broken=$(( broken + 1 )); continue; fi
        delivered=$version
    fi

    problem=""
    # Every report is a whole old or a whole new one.
    while read -r sum path; do
        grep -qF "$sum  $path" "$work/digest0" || grep -qF "$sum  $path" "$work/digest1" || problem+=" half report $path;"
    done < <(reports_digest "$card")
    # The store alone (--store): the evidence on disk is already the next version. The current
    # scorecards and the whole chain every round; every stored scorecard every 25 rounds (it
    # re-derives a history that grows by two scorecards a round).
    all=(); [ $(( round % 25 )) = 0 ] && all=(--all)
    "$binary" check "${all[@]}" --store "$card/.scorecard/demo.sqlite" > "$work/check" 2>&1 \
        || problem+=" check ${all[*]} failed ($(grep -m1 -E 'ALTERED|DIFFERS|CANNOT|error' "$work/check" || true));"
    set +e; regenerate "$card" > "$work/next" 2>&1; next=$?; set -e
    expected=0; [ "$version" != "$delivered" ] && { [ "$version" = 1 ] && expected=$code_up || expected=$code_down; }
    [ "$next" = "$expected" ] || problem+=" next run exited $next, expected $expected (the alert owed since version $delivered);"
    delivered=$version
    reports_digest "$card" | cmp -s - "$work/digest$version" || problem+=" reports after the next run are not version $version's;"
    leftovers=$(find "$card/reports/demo" -name '.*.tmp' | wc -l)
    [ "$leftovers" = 0 ] || problem+=" $leftovers temporary files left;"
    if [ -n "$problem" ]; then
        echo "round $round (killed after $delay_ms ms, status $status):$problem" >&2
        broken=$(( broken + 1 ))
        [ "$status" = 137 ] && broken_killed=$(( broken_killed + 1 ))
    fi
done

"$binary" check --all --config "$card/examples/demo/scorecard.yaml" > "$work/check" 2>&1 || { echo "final check --all --config failed" >&2; broken=$(( broken + 1 )); }
runs=$(sqlite3 "$card/.scorecard/demo.sqlite" "SELECT status, count(*) FROM run GROUP BY status" | tr '\n' ' ')
echo "rounds: $kills; killed mid-run: $midrun; finished before the kill: $finished"
echo "kills by where they landed: $before_begin before the run began, $before_complete after it began and before it completed,"
echo "  $before_delivery after it completed and before its delivery was recorded, $after_delivery after the delivery was recorded"
echo "kills survived: $(( midrun - broken_killed )) of $midrun; rounds that kept every promise: $(( kills - broken )) of $kills"
echo "runs in the store by status: $runs"
grep "^History of" "$work/check"
[ "$broken" = 0 ]
