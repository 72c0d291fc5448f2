#!/usr/bin/env bash
# Hindsight quick start for a fresh Debian 12 machine (run as root, or as a user with sudo).
#
#   packaging/quickstart.sh studio   install what is missing, build a Release, create the demo
#                                    workspace if it is absent, and open the studio on it
#   packaging/quickstart.sh test     install what is missing, build, and run every test
#                                    (Release build + AddressSanitizer/UBSan build of the core tests)
set -euo pipefail

mode="${1:-}"
if [[ "$mode" != "studio" && "$mode" != "test" ]]; then
    echo "usage: $0 studio|test" >&2
    exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-qpa-plugins libgl-dev
    libsqlite3-dev sqlite3 libre2-dev libssl-dev zlib1g-dev libsimdjson-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    xvfb xauth fonts-dejavu-core
    appstream desktop-file-utils
)
missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if ((${#missing[@]})); then
    echo "== installing: ${missing[*]}"
    sudo=""
    if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

jobs="$(nproc)"

if [[ "$mode" == "test" ]]; then
    echo "== Release build"
    cmake --preset release
    cmake --build --preset release -j "$jobs"
    echo "== tests (Release)"
    ctest --preset release -j "$jobs" --timeout 600
    echo "== core tests under AddressSanitizer + UndefinedBehaviorSanitizer"
    cmake --preset asan
    cmake --build --preset asan -j "$jobs" --target hindsight_core_tests
    ctest --preset asan -j "$jobs" --timeout 900 -L core
    echo "== all tests passed"
    exit 0
fi

echo "== Release build"
cmake --preset release
cmake --build --preset release -j "$jobs" --target hindsight hindsight-studio
cli="$root/build/release/app/hindsight"
studio="$root/build/release/app/hindsight-studio"
store="${HINDSIGHT_STORE:-$("$cli" workspace || true)}"
if [[ ! -s "$store" ]]; then
    echo "== creating the demo workspace at $store"
    "$cli" --store "$store" demo
fi
if [[ -z "${QT_QPA_PLATFORM:-}" && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "No display found, so the studio cannot open here."
    echo "The command-line equivalent is:"
    echo "  $cli --store $store stats"
    "$cli" --store "$store" stats
    exit 0
fi
exec "$studio" --store "$store"
