#!/usr/bin/env bash
# Runs the benchmarks of issue #2, item 10, against an existing (Release) build; builds nothing.
#
#   tests/bench/run_benchmarks.sh BUILD_DIR [WORK_DIR]
#
# 1. BUILD_DIR/tests/bench/bench_impact --keep WORK_DIR: generates the 100k map, times the impact
#    engine against a bare BFS, the document and the interchange JSON, and leaves
#    WORK_DIR/map100k.json, WORK_DIR/map100k.faultline and WORK_DIR/region.txt.
# 2. Times the whole `faultline impact WORK_DIR/map100k.json --fail REGION --format json` process
#    against `python3 reachability_networkx.py WORK_DIR/map100k.json REGION` (JSON + NetworkX,
#    bare reachability): hyperfine when it is installed, otherwise the best of 3 runs of each.
#    Target: Faultline at least 3 times faster.
#
# WORK_DIR defaults to a temporary folder, removed at the end. Exit status: 0 when every target
# is met, 1 when one is missed, 2 on a usage error or a missing tool.
set -u

usage() {
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

[ $# -ge 1 ] && [ $# -le 2 ] || usage
build=$(cd "$1" 2>/dev/null && pwd) || { echo "run_benchmarks.sh: no folder $1" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
bench="$build/tests/bench/bench_impact"
faultline="$build/app/faultline"
script="$here/reachability_networkx.py"
for exe in "$bench" "$faultline"; do
    [ -x "$exe" ] || { echo "run_benchmarks.sh: $exe is missing: build it first" >&2; exit 2; }
done
python3 -c 'import networkx' 2>/dev/null \
    || { echo "run_benchmarks.sh: python3 with NetworkX is needed for the baseline" >&2; exit 2; }

if [ $# -eq 2 ]; then
    work=$2
    mkdir -p "$work" || exit 2
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi

status=0
echo "== bench_impact (built in $build), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"
"$bench" --keep "$work" || status=1

json="$work/map100k.json"
region=$(cat "$work/region.txt" 2>/dev/null)
if [ ! -s "$json" ] || [ -z "$region" ]; then
    echo "run_benchmarks.sh: bench_impact left no map100k.json or region.txt in $work" >&2
    exit 1
fi

impact=("$faultline" impact "$json" --fail "$region" --format json)
baseline=(python3 "$script" "$json" "$region")

echo
echo "== whole process: faultline impact vs JSON + NetworkX reachability (load: $(cut -d' ' -f1-3 /proc/loadavg))"
if ! "${impact[@]}" > /dev/null; then
    echo "run_benchmarks.sh: faultline impact failed" >&2
    exit 1
fi
echo "  NetworkX reaches $("${baseline[@]}") components from $region"

# Best of 3: wall-clock seconds, and the CPU seconds (user + system) of the best run.
best_of_3() {
    local best="" cpu="" t real user sys
    for _ in 1 2 3; do
        t=$( { TIMEFORMAT='%R %U %S'; time "$@" > /dev/null 2>&1; } 2>&1 )
        read -r real user sys <<< "$t"
        if [ -z "$best" ] || awk -v a="$real" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$real
            cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')
        fi
    done
    echo "$best $cpu"
}

if command -v hyperfine > /dev/null; then
    hyperfine --warmup 1 --runs 5 --export-json "$work/hyperfine.json" \
        -n faultline "$(printf '%q ' "${impact[@]}")" \
        -n networkx "$(printf '%q ' "${baseline[@]}")"
    read -r fast slow < <(python3 -c '
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
print(r["faultline"]["min"], r["networkx"]["min"])' "$work/hyperfine.json")
else
    read -r fast fast_cpu < <(best_of_3 "${impact[@]}")
    read -r slow slow_cpu < <(best_of_3 "${baseline[@]}")
    printf '  %-34s %7.2f s wall (best of 3), %6.2f s CPU\n' "faultline impact" "$fast" "$fast_cpu"
    printf '  %-34s %7.2f s wall (best of 3), %6.2f s CPU\n' "python3 + NetworkX reachability" \
        "$slow" "$slow_cpu"
    printf '  %-34s %7.2fx CPU\n' "(the same, in CPU time)" \
        "$(awk -v a="$slow_cpu" -v b="$fast_cpu" 'BEGIN { print a / b }')"
fi

ratio=$(awk -v a="$slow" -v b="$fast" 'BEGIN { printf "%.2f", a / b }')
if awk -v r="$ratio" 'BEGIN { exit !(r >= 3) }'; then
    echo "  faultline impact is ${ratio}x faster (target: at least 3x): ok"
else
    echo "  faultline impact is ${ratio}x faster (target: at least 3x): MISSED"
    status=1
fi
exit $status
