#!/usr/bin/env bash
# What exact counting costs: guest MIPS of intloop, sha256, nqueens and sort on Vitrine
# (translation on) with every TLB hit counted and stamped, against the same runs with
# -Dvitrine.bench.counting=off (for benchmarks only: every figure is then wrong), the two
# taking turns. MIPS over the difference of two run lengths as in run.sh, the long runs
# longer than run.sh's (each difference 0.8-2 s: intloop's 200/600 was 0.16 s apart, within
# the JVM's start-up noise); each of the four timings is the least of RUNS, which leaves out
# the runs where the JVM compiled worse or the machine was busy: one JVM to the next, the same
# run moves by 10 %.
# Usage: bench/cpu/counting.sh [RUNS]   (default 6)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-6}"
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
printf '%-8s %14s %12s %12s %9s\n' program "guest instr" "counting on" "counting off" cost
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
        t=$(timed $m "$p" $args)
        if [ "$r" = 0 ] || [ "$(echo "$t < ${secs[$m.$len]}" | bc)" = 1 ]; then secs[$m.$len]=$t; fi
      done
      cmp -s "$work/out.on" "$work/out.off" || { echo "$p $args: output differs with counting off" >&2; exit 1; }
    done
  done
  awk -v p="$p" -v di="$((i_long - i_short))" \
      -v on="$(echo "${secs[on.long]} - ${secs[on.short]}" | bc)" -v off="$(echo "${secs[off.long]} - ${secs[off.short]}" | bc)" 'BEGIN {
    a = di / on / 1e6; b = di / off / 1e6
    printf "%-8s %14.0f %12.0f %12.0f %+8.1f%%\n", p, di, a, b, (b / a - 1) * 100
  }'
done
echo "(guest MIPS over the difference of two run lengths, the least of $runs runs each, on and off taking turns;"
echo " cost: MIPS with counting off over MIPS with it on, less one)"
