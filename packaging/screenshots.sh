#!/usr/bin/env bash
# Retakes the README's screenshots from the real application on the demo workspace.
#   packaging/screenshots.sh [BUILD_DIR]     (default build/release; needs the UI built)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build/release}"
store="$(mktemp -d)/demo.hindsight"
trap 'rm -rf "$(dirname "$store")"' EXIT
"$build/app/hindsight" --store "$store" demo --interactions 200000 --end 2026-10-31T23:59:00Z
mkdir -p "$root/docs/screenshots"
for view in overview interactions elements definitions editor charts funnel naming privacy; do
    QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$build/app/hindsight-studio" --store "$store" \
        --screenshot "$root/docs/screenshots/$view.png" --view "$view" --size 1400x900
    echo "docs/screenshots/$view.png"
done
