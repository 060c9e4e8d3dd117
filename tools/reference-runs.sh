#!/usr/bin/env bash
# Four short reference runs that exercise every path a refactoring can disturb: DQN + ReDo, DQN + Reset,
# DrQ(ε) + ReDo and SAC + ReDo, each long enough to recycle (or reset) several times and to checkpoint.
# Run it with a build from before and one from after a change, then compare the two folders:
#   tools/reference-runs.sh <redo.dll or command> <out folder>
#   tools/reference-runs.sh --compare <before folder> <after folder>
# --compare checks metrics.csv, dormancy-log.txt and every weights/checkpoint tensor file byte for byte
# and prints one line per run; it exits 1 on any difference.
set -euo pipefail
if [ "${1:-}" = "--compare" ]; then
  before="$2"; after="$3"; status=0
  for run in dqn-redo dqn-reset drq-redo sac-redo; do
    files=$(cd "$before/$run" && find . -type f \( -name metrics.csv -o -name dormancy-log.txt -o -name '*.weights' -o -name '*.bin' \) | sort)
    n=0; diff=0
    for f in $files; do
      n=$((n + 1))
      if ! cmp -s "$before/$run/$f" "$after/$run/$f"; then diff=$((diff + 1)); echo "  differs: $run/$f"; fi
    done
    [ "$n" -gt 0 ] || { echo "$run: no files in $before/$run"; status=1; continue; }
    if [ "$diff" = 0 ]; then echo "$run: $n files byte-identical"; else echo "$run: $diff of $n files differ"; status=1; fi
  done
  exit $status
fi
redo="$1"; out="$2"
case "$redo" in *.dll) redo="dotnet $redo" ;; esac
here="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$out"
common=(--set Run:Seed=3 --set Run:LogEvery=1000 --set Run:CheckpointEvery=4000 --set Run:EvalEpisodes=2)
$redo train "$here/configs/minatar-breakout-dqn-redo.json" "${common[@]}" --set Run:Frames=9000 \
  --set Redo:Period=1000 --set Redo:LogPeriod=1000 --out "$out/dqn-redo"
$redo train "$here/configs/minatar-breakout-dqn-reset.json" "${common[@]}" --set Run:Frames=9000 \
  --set Reset:Period=1000 --out "$out/dqn-reset"
$redo train "$here/configs/minatar-breakout-drq-redo.json" "${common[@]}" --set Run:Frames=9000 \
  --set Redo:Period=1000 --set Redo:LogPeriod=1000 --out "$out/drq-redo"
$redo train "$here/configs/mujoco-hopper-sac-redo.json" "${common[@]}" --set Run:Frames=3000 \
  --set Sac:WidthMultiplier=0.25 --set Sac:InitialRandomSteps=1000 --set Sac:EvalPeriod=1000 \
  --set Sac:EvalEpisodes=2 --set Redo:Tau=0.1 --set Redo:Period=500 --set Redo:LogPeriod=500 --out "$out/sac-redo"
echo "reference runs written to $out"
