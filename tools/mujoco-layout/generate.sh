#!/usr/bin/env bash
# Regenerates ReDo.Shell/MuJoCo/MjLayout.g.cs from the installed MuJoCo headers (libmujoco-dev).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../ReDo.Shell/MuJoCo/MjLayout.g.cs"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
gcc -std=c11 -I/usr/include -o "$tmp/layout" "$here/layout.c"
"$tmp/layout" > "$out"
echo "wrote $out"
