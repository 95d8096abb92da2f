#!/bin/sh
# Run every cargo-fuzz target (or the ones named) one after another, with the settings of the
# issue #13 session: SECONDS per target (default 600), 2 GB RSS limit, 10 s per input, inputs up
# to 128 KB, niced so the machine stays usable. Seeds come from tests/fixtures, graph-data and
# ../shared/realworld files of the target's format (under 300 KB: big seeds make every run slow),
# copied into a corpus directory outside the repository. libFuzzer runs in fork mode with one
# job and keeps going after a crash, timeout or OOM (each is saved under fuzz/artifacts/TARGET/),
# so a spurious timeout on a busy machine does not end the run: re-run an artifact alone to
# tell a real hang from CPU starvation.
#
#   fuzz/run-all.sh                  # every target, 10 minutes each
#   fuzz/run-all.sh 60 dot gml       # one minute each for dot and gml
#
# Environment:
#   FUZZ_CORPUS   corpus root (default /tmp/fuzz-corpus; one directory per target)
#   FUZZ_LOGS     where each target's libFuzzer log goes (default /tmp/fuzz-logs)
#   REALWORLD     extra seed files (default ../shared/realworld beside the repository)
#   SANITIZER     address (default) or none (if ASan does not link)
#   MAX_LEN       largest input in bytes (default 131072)
#   RUSTC_BOOTSTRAP=1 is set: cargo-fuzz passes -Z flags, and no nightly toolchain is needed.
#
# Findings land in fuzz/artifacts/TARGET/ (crash-*, timeout-*, oom-*); reproduce one with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run -a TARGET fuzz/artifacts/TARGET/crash-…
# A summary line per target (runs, exec/s, findings) is printed at the end.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
secs=${1:-600}
[ $# -gt 0 ] && shift
corpus_root=${FUZZ_CORPUS:-/tmp/fuzz-corpus}
logs=${FUZZ_LOGS:-/tmp/fuzz-logs}
realworld=${REALWORLD:-$root/../shared/realworld}
sanitizer=${SANITIZER:-address}
max_len=${MAX_LEN:-131072}
export RUSTC_BOOTSTRAP=1

cd "$here" || exit 2
if [ $# -gt 0 ]; then
    targets=$*
else
    targets=$(cargo fuzz list)
fi
mkdir -p "$logs"

# File extensions whose files seed each target.
exts() {
    case $1 in
        graphml) echo "graphml xml" ;;
        gexf) echo "gexf" ;;
        gml) echo "gml" ;;
        json) echo "json cyjs" ;;
        csv) echo "csv" ;;
        dot) echo "dot gv" ;;
        ron) echo "ron" ;;
        sidecars) echo "views.ron groups.ron" ;;
        *) echo "$1" ;;
    esac
}

summary=""
for t in $targets; do
    corpus=$corpus_root/$t
    mkdir -p "$corpus"
    for e in $(exts "$t"); do
        for d in "$root/tests/fixtures" "$root/graph-data" "$realworld"; do
            [ -d "$d" ] && find "$d" -type f -name "*.$e" -size -300k -exec cp -n {} "$corpus/" \;
        done
    done
    # No CSV fixture is committed: start from a small nodes table.
    if [ "$t" = csv ] && [ -z "$(ls "$corpus")" ]; then
        printf 'id,label,kind\na,"A, ""x""",Lab\nb,B,\n' >"$corpus/seed.csv"
    fi
    # The shipped graph is too big a seed; its first 120 KB make a good one for RON.
    if [ "$t" = ron ] && [ -f "$root/graph-data/shenzhen.ron" ]; then
        head -c 120000 "$root/graph-data/shenzhen.ron" >"$corpus/shenzhen-head.ron"
    fi
    log=$logs/$t.log
    echo "== $t: $(ls "$corpus" | wc -l) corpus files, $secs s, log $log"
    nice -n 10 cargo fuzz run -a --sanitizer "$sanitizer" "$t" "$corpus" -- \
        -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -max_len="$max_len" \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -print_final_stats=1 \
        >"$log" 2>&1
    status=$?
    # Plain mode ends with "Done N runs in S second(s)"; fork mode prints
    # "#N: cov: … exec/s: E oom/timeout/crash: O/T/C time: S …" lines (the last one counts).
    runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -1 | grep -o '[0-9]*')
    [ -z "$runs" ] && runs=$(grep -o '^#[0-9]*: cov' "$log" | tail -1 | grep -o '[0-9]*')
    eps=$(grep -o 'exec/s: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
    otc=$(grep -o 'oom/timeout/crash: [0-9/]*' "$log" | tail -1 | cut -d' ' -f2)
    found=$(ls "$here/artifacts/$t" 2>/dev/null | tr '\n' ' ')
    line="$t: exit $status, ${runs:-?} runs, ${eps:-?} exec/s, oom/timeout/crash ${otc:-?}, artifacts: ${found:-none}"
    echo "$line"
    grep -m1 -E 'panicked at|ERROR: libFuzzer|SUMMARY:' "$log"
    summary="$summary$line
"
done
echo
echo "== summary"
printf '%s' "$summary"
