#!/usr/bin/env bash
# Copies an experiment queue's results into docs/results/<name>/ for committing: the plan
# (experiment/plan.json), per run its config, metrics, dormancy log and summary (no checkpoints, no
# weights: they are large and rebuilt by resuming the queue), then redo report's report.md and figures,
# made from what is shipped (so `redo report docs/results/<name>` gives the same report again).
# More queues of the same experiment (a study queued in parts) add their runs: list them after the
# redo command. The plan is the first queue's.
# usage: tools/ship-results.sh <queue folder> <docs/results/name> [redo command] [more queue folders…]
set -euo pipefail
queue="$1"; out="$2"; redo="${3:-dotnet run --project ReDo.Shell -c Release --}"
shift $(( $# < 3 ? $# : 3 ))
mkdir -p "$out/runs" "$out/experiment"
cp "$queue/experiment/plan.json" "$out/experiment/plan.json"
for q in "$queue" "$@"; do
  find "$q" -path '*/runs/*/metrics.csv' | while read -r m; do
    run="$(dirname "$m")"; name="$(basename "$run")"
    mkdir -p "$out/runs/$name"
    for f in config.json metrics.csv dormancy-log.txt summary.json; do
      if [ -f "$run/$f" ]; then cp "$run/$f" "$out/runs/$name/"; fi
    done
  done
done
$redo report "$out" --out "$out"
echo "shipped $(ls "$out/runs" | wc -l) run(s) to $out"
