#!/usr/bin/env bash
# Copies an experiment queue's results into docs/results/<name>/ for committing: redo report's
# report.md and figures, the plan (experiment/plan.json, so `redo report docs/results/<name>` makes the
# report again from what is shipped), and per run its config, metrics, dormancy log and summary (no
# checkpoints, no weights: they are large and rebuilt by resuming the queue).
# usage: tools/ship-results.sh <queue folder> <docs/results/name> [redo command]
set -euo pipefail
queue="$1"; out="$2"; redo="${3:-dotnet run --project ReDo.Shell -c Release --}"
mkdir -p "$out/runs" "$out/experiment"
cp "$queue/experiment/plan.json" "$out/experiment/plan.json"
$redo report "$queue" --out "$out"
find "$queue" -path '*/runs/*/metrics.csv' | while read -r m; do
  run="$(dirname "$m")"; name="$(basename "$run")"
  mkdir -p "$out/runs/$name"
  for f in config.json metrics.csv dormancy-log.txt summary.json; do
    [ -f "$run/$f" ] && cp "$run/$f" "$out/runs/$name/"
  done
done
echo "shipped $(ls "$out/runs" | wc -l) run(s) to $out"
