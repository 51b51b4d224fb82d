#!/usr/bin/env bash
# What exact counting costs: guest MIPS of intloop, sha256, nqueens and sort on Vitrine
# (translation on) with every TLB hit counted and stamped, against the same runs with
# -Dvitrine.bench.counting=off (for benchmarks only: every figure is then wrong), the two
# taking turns. MIPS over the difference of two run lengths as in run.sh, the long runs
# longer than run.sh's (each difference 0.8-2 s: intloop's 200/600 was 0.16 s apart, within
# the JVM's start-up noise). One JVM to the next the same run moves by 10-25 % (how C2
# happened to compile and deoptimize the blocks, docs/performance.md), so each timing is
# taken RUNS times and the cost is shown twice: from the median of the runs, the figure to
# judge by, and from the least, the run each way that compiled best.
# Usage: bench/cpu/counting.sh [RUNS]   (default 9)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-9}"
work="$root/target/bench/cpu"; mkdir -p "$work"
"$root/vitrine" --version >/dev/null   # builds the jar again if a source is newer: a stale jar's figures are not this code's
for p in intloop nqueens sort; do riscv64-linux-gnu-gcc -static -O2 -o "$work/$p" "$root/bench/cpu/$p.c"; done
riscv64-linux-gnu-gcc -static -O2 -o "$work/sha256" "$root/bench/sha256.c"
cases=("intloop|200|2000" "sha256|8 2|32 2" "nqueens|11 40|11 400" "sort|300 8|300 32")
now() { date +%s.%N; }
instr() { grep -o '"instructions":[0-9]*' "$1" | cut -d: -f2; }
timed() { # mode program args -> seconds
  local mode=$1 p=$2; shift 2; local t0 t1 opt=""
  [ "$mode" = off ] && opt=-Dvitrine.bench.counting=off
  t0=$(now); java -Xss16m $opt -jar "$root/target/vitrine.jar" run "$work/$p" "$@" > "$work/out.$mode"; t1=$(now)
  echo "$t1 - $t0" | bc
}
printf '%s, %s cores, %s; load %s\n' "$(uname -m)" "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" "$(cut -d' ' -f1-3 /proc/loadavg)"
# seconds... -> "median least"
stats() { printf '%s\n' "$@" | sort -g | awk '{ t[NR] = $1 } END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; print m, t[1] }'; }
printf '%-8s %14s %12s %12s %9s %12s %12s %9s\n' program "guest instr" "on, median" "off, median" cost "on, least" "off, least" cost
for c in "${cases[@]}"; do
  IFS='|' read -r p short long <<< "$c"
  declare -A secs=()
  for len in short long; do
    args=${!len}
    # shellcheck disable=SC2086
    java -Xss16m -jar "$root/target/vitrine.jar" run --stats-json "$work/$p.count.json" "$work/$p" $args > /dev/null
    declare "i_$len=$(instr "$work/$p.count.json")"
    for ((r = 0; r < runs; r++)); do
      for m in on off; do
        # shellcheck disable=SC2086
        secs[$m.$len]+=" $(timed $m "$p" $args)"
      done
      cmp -s "$work/out.on" "$work/out.off" || { echo "$p $args: output differs with counting off" >&2; exit 1; }
    done
  done
  # shellcheck disable=SC2086
  awk -v p="$p" -v di="$((i_long - i_short))" -v ons="$(stats ${secs[on.short]})" -v onl="$(stats ${secs[on.long]})" \
      -v offs="$(stats ${secs[off.short]})" -v offl="$(stats ${secs[off.long]})" 'BEGIN {
    split(ons, a); split(onl, b); split(offs, c); split(offl, d)
    on = di / (b[1] - a[1]) / 1e6; off = di / (d[1] - c[1]) / 1e6
    onl = di / (b[2] - a[2]) / 1e6; offl = di / (d[2] - c[2]) / 1e6
    printf "%-8s %14.0f %12.0f %12.0f %+8.1f%% %12.0f %12.0f %+8.1f%%\n", p, di, on, off, (off / on - 1) * 100, onl, offl, (offl / onl - 1) * 100
  }'
done
echo "(guest MIPS over the difference of two run lengths, from the median and from the least of $runs runs of each,"
echo " on and off taking turns; cost: MIPS with counting off over MIPS with it on, less one)"
