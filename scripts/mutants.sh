#!/usr/bin/env bash
# Mutation testing of the engine and the formats (issue 11; figures in BENCHMARKS.md).
#
#   scripts/mutants.sh            every group, one after the other (two to three hours on two
#                                 cores, two mutants at a time: the risk group's 231 took 20 min)
#   scripts/mutants.sh risk zip   the groups named
#   scripts/mutants.sh --list     the groups and their files
#   MUTANTS_IN_DIFF=F scripts/mutants.sh one-year
#                                 only the lines a diff changed (git diff BASE > F)
#   MUTANTS_ITERATE=1 scripts/mutants.sh one-year
#                                 only the mutants the group's last run did not catch
#
# Each group is a set of files and the native test targets that reach them: a mutant is built
# and tested against those targets only (the page's tests need a browser and take minutes).
# Results go to target/mutants/<group>/mutants.out (missed.txt: the survivors).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

declare -A FILES TARGETS
FILES[one-year]="src/engine/run.rs src/engine/outcome.rs src/engine/path.rs src/engine/check.rs src/engine/explain.rs"
TARGETS[one-year]="--lib --test=plans --test=plan_2026 --test=merge --test=engine_rules --test=properties --test=scenarios --test=seeds --test=path --test=goals --test=risk --test=cli --test=levers --test=scenario_files --test=explain --test=check --test=hardening --test=charts"
FILES[goals]="src/engine/goals.rs src/engine/lever.rs src/engine/plan.rs src/engine/table.rs src/engine/scenario.rs"
TARGETS[goals]="--lib --test=plans --test=plan_2026 --test=goals --test=levers --test=engine_rules --test=scenarios --test=seeds --test=scenario_files --test=check --test=path --test=import"
FILES[risk]="src/engine/risk.rs src/engine/rng.rs"
TARGETS[risk]="--lib --test=plans --test=risk --test=seeds"
FILES[formats]="src/formats/error.rs src/formats/json.rs src/formats/scenario.rs src/formats/saved.rs src/formats/sheet.rs src/formats/workbook.rs src/formats/risk.rs src/formats/path.rs src/formats/goals.rs src/formats/outcome.rs src/formats/seeds.rs src/formats/link.rs src/formats/table.rs"
TARGETS[formats]="--lib --test=plans --test=merge --test=scenario_files --test=levers --test=cli --test=hardening --test=seeds --test=import --test=fuzz --test=path --test=risk --test=goals --test=charts --test=explain --test=scenarios --test=properties"
FILES[zip]="src/formats/xlsx.rs src/formats/zip.rs"
TARGETS[zip]="--lib --test=import --test=hardening --test=fuzz --test=cli"
FILES[show]="src/show/mod.rs src/show/headline.rs src/show/rows.rs src/show/path.rs src/show/goals.rs src/show/risk.rs src/show/fields.rs src/show/first_screen.rs"
TARGETS[show]="--test=show --test=cli --test=path --test=goals"
FILES[map]="src/engine/places.rs src/formats/places.rs src/show/map.rs src/charts/map.rs"
TARGETS[map]="--lib --test=map"
FILES[criteria-sets]="src/engine/merge.rs src/formats/merge.rs src/formats/plan.rs src/formats/plan_2026.rs"
TARGETS[criteria-sets]="--lib --test=plans --test=merge --test=plan_2026 --test=seeds"
ORDER=(one-year goals risk formats zip show map criteria-sets)

if [[ "${1:-}" == "--list" ]]; then
  for g in "${ORDER[@]}"; do echo "$g: ${FILES[$g]}"; done
  exit 0
fi
command -v cargo-mutants >/dev/null || cargo install --locked cargo-mutants
# nextest runs a target's tests in parallel processes (the whole native suite: 10 s against 23).
tool=(--test-tool cargo)
filter=()
if command -v cargo-nextest >/dev/null; then
  tool=(--test-tool nextest)
  # The CSV fuzz test alone takes 7 s and reaches only the CSV reader, which others test.
  filter=(-E 'not test(=commune_tables_in_csv)')
fi
selected=("$@")
[[ ${#selected[@]} -gt 0 ]] || selected=("${ORDER[@]}")
for g in "${selected[@]}"; do
  [[ -n "${FILES[$g]:-}" ]] || { echo "no group $g (see --list)" >&2; exit 2; }
  files=()
  for f in ${FILES[$g]}; do files+=(--file "$f"); done
  # Given to the build as well as to the tests (arguments after `--` reach only the tests, and
  # the build would make every target, the page's end-to-end tests too): about 4 s a build
  # instead of 10.
  targets=()
  for t in ${TARGETS[$g]}; do targets+=("--cargo-arg=$t"); done
  echo "== $g: ${FILES[$g]}"
  mkdir -p "target/mutants/$g"
  # No debug information: each mutant links faster. A loop made endless is caught by the limit.
  # Exit 2: some mutants missed, 3: some caught by the time limit; anything else is a failure.
  rc=0
  diff=()
  [[ -z "${MUTANTS_IN_DIFF:-}" ]] || diff=(--in-diff "$MUTANTS_IN_DIFF")
  [[ -z "${MUTANTS_ITERATE:-}" ]] || diff+=(--iterate)
  CARGO_PROFILE_DEV_DEBUG=0 cargo mutants "${tool[@]}" --jobs 2 --timeout 40 -o "target/mutants/$g" \
    "${diff[@]}" "${files[@]}" "${targets[@]}" -- "${filter[@]}" || rc=$?
  [[ $rc == 0 || $rc == 2 || $rc == 3 ]] || { echo "cargo mutants failed ($rc) on $g" >&2; exit $rc; }
  for k in caught timeout missed unviable; do
    printf '%s %s: %s\n' "$g" "$k" "$(wc -l < "target/mutants/$g/mutants.out/$k.txt")"
  done
done
