#!/usr/bin/env bash
# Runs the app: installs what is missing, builds dist/ and serves it on localhost.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
trunk build --release
port="${PORT:-8080}"
echo
echo "  Mở trang / open the planner:  http://127.0.0.1:$port/"
echo "  Bản một tệp (mở bằng nhấp đúp) / single file: dist/ntm-planner-offline.html"
echo "  Ctrl+C để dừng / to stop"
echo
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
