#!/usr/bin/env bash
# Runs every test of the project: the engine, the command line and the seeds (native).
# Installs what it needs when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --all-targets --locked
