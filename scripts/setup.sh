#!/usr/bin/env bash
# Installs what building and testing the page needs, where it is missing: the wasm32 target,
# trunk 0.21, wasm-bindgen-cli at the version in Cargo.lock, wasm-opt (binaryen 132 from npm,
# into .tools/), and with --browser Chromium, ChromeDriver and poppler-utils (Debian packages).
# Source it (`. scripts/setup.sh`) or run it; it puts .tools on PATH for the caller when sourced.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"

say() { printf 'setup: %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing trunk 0.21 (about 5 minutes)"
  cargo install --locked trunk --version '^0.21'
fi

bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$bindgen" ]; then
  say "no wasm-bindgen in Cargo.lock"; exit 1
fi
if ! grep -q "wasm_bindgen = \"$bindgen\"" Trunk.toml; then
  say "Trunk.toml pins another wasm-bindgen than Cargo.lock ($bindgen): update [tools] wasm_bindgen"; exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen\$"; then
  say "installing wasm-bindgen-cli $bindgen"
  cargo install wasm-bindgen-cli --version "=$bindgen"
fi

if ! .tools/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
  say "installing wasm-opt (npm binaryen 132) into .tools/"
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --loglevel=error binaryen@132
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftotext >/dev/null; then
    say "installing Chromium, ChromeDriver and poppler-utils (the printed report's test reads the PDF)"
    if [ "$(id -u)" = 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
    $apt_get update -qq
    DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq chromium chromium-driver poppler-utils >/dev/null
  fi
fi

# Trunk runs cargo offline (Trunk.toml): fetch the crates first.
cargo fetch --locked >/dev/null
