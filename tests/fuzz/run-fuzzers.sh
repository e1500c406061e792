#!/usr/bin/env bash
# Runs every fuzz target of tests/fuzz for SECONDS each, all at once (one process per target,
# at the lowest CPU priority unless FUZZ_NICE says otherwise), on a corpus seeded from
# resources/examples and resources/samples.
#
#   tests/fuzz/run-fuzzers.sh SECONDS [BUILD_DIR]
#   FUZZ_TARGETS="fuzz_dot fuzz_json" tests/fuzz/run-fuzzers.sh SECONDS   # some of them
#   FUZZ_NICE=15 tests/fuzz/run-fuzzers.sh SECONDS   # another CPU priority (default 19)
#
# BUILD_DIR (default build-fuzz) is a tree configured with -DFAULTLINE_FUZZ=ON (README.md).
# Corpora and findings go to BUILD_DIR/fuzz-work/TARGET/{corpus,findings}; each target's log is
# BUILD_DIR/fuzz-work/TARGET.log, and a summary line per target is printed at the end:
# executions, coverage (libFuzzer's "cov" edges and "ft" features), corpus size, and findings.
set -euo pipefail

seconds=${1:?usage: run-fuzzers.sh SECONDS [BUILD_DIR]}
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$(cd "${2:-$source_dir/build-fuzz}" && pwd)
work=$build_dir/fuzz-work
targets=(${FUZZ_TARGETS:-fuzz_json fuzz_csv fuzz_dot fuzz_document fuzz_terraform fuzz_backstage})

seed() { # TARGET: copies the matching example and sample files into its corpus
    local target=$1 corpus=$work/$1/corpus
    mkdir -p "$corpus" "$work/$target/findings"
    case $target in
    fuzz_json) cp "$source_dir"/resources/examples/*.json "$corpus"/ ;;
    fuzz_csv)
        for c in "$source_dir"/resources/samples/*-components.csv; do
            cp "$c" "$corpus/"
            local d=${c%-components.csv}-dependencies.csv
            # Both files in one input, split at a NUL byte (fuzz_csv.cpp).
            [ -f "$d" ] && { cat "$c"; printf '\0'; cat "$d"; } > "$corpus/$(basename "$c" .csv)-pair"
        done ;;
    fuzz_dot) cp "$source_dir"/resources/samples/*.dot "$corpus"/ ;;
    # The Terraform and Backstage test data are the examples of those formats we have.
    fuzz_terraform) cp "$source_dir"/tests/data/terraform/*.json "$source_dir"/tests/data/terraform/*.tfstate "$corpus"/ ;;
    fuzz_backstage) find "$source_dir"/tests/data/backstage -name '*.yaml' -exec cp {} "$corpus"/ \; ;;
    fuzz_document)
        # Documents made from the example and the DOT sample by the app of the normal build,
        # when there is one (the fuzz build has no app).
        local app=$source_dir/build/app/faultline
        if [ -x "$app" ]; then
            "$app" import "$source_dir"/resources/examples/acme-on-aws.json -o "$corpus/acme.faultline" 2>/dev/null || true
            "$app" import "$source_dir"/resources/samples/online-boutique.dot -o "$corpus/boutique.faultline" 2>/dev/null || true
        fi ;;
    esac
}

pids=()
for t in "${targets[@]}"; do
    [ -x "$build_dir/tests/fuzz/$t" ] || { echo "missing $build_dir/tests/fuzz/$t: build it first" >&2; exit 1; }
    seed "$t"
    # cgraph and Qt keep some allocations for the life of the process: leaks are not findings.
    ( cd "$work/$t/findings" &&
      ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      nice -n "${FUZZ_NICE:-19}" "$build_dir/tests/fuzz/$t" -max_total_time="$seconds" -max_len=65536 \
          -timeout=30 -rss_limit_mb=3072 -print_final_stats=1 "$work/$t/corpus" \
          > "$work/$t.log" 2>&1 ) &
    pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done

for t in "${targets[@]}"; do
    log=$work/$t.log
    execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' || true)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
    corpus=$(find "$work/$t/corpus" -type f | wc -l)
    findings=$(find "$work/$t/findings" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
    echo "$t: ${execs:-?} executions, ${cov:-no coverage line}, corpus $corpus, findings $findings"
done
exit $status
