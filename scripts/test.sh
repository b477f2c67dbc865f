#!/usr/bin/env bash
# Runs every test: the engine, the command line and the seeds (native); the page's components
# (wasm-bindgen-test in headless Chromium); the whole page end to end (WebDriver against the
# built dist/ in headless Chromium). Installs what it needs when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json"

echo "== building the page (trunk build --release)"
trunk build --release

echo "== native tests (engine, command line, seeds, end to end in Chromium)"
cargo test --locked --all-targets

echo "== component tests (wasm-bindgen-test in headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test web_components
