#!/usr/bin/env bash
# What exact counting costs, end to end: whole runs of intloop, sha256, nqueens and sort on
# Vitrine (translation on) with every TLB hit counted and stamped, against the same runs with
# -Dvitrine.bench.counting=off (for benchmarks only: every figure is then wrong), the two
# taking turns, RUNS times each. Each run is long (4-7 s), so the JVM's start-up and warm-up
# are a small part of it, but they are in it, as a user waits for them; counting makes the
# blocks C2 compiles larger. (Over the difference of two run lengths, as run.sh takes MIPS,
# the cost swung by 10-25 % one sitting to the next: the short run's warm-up varies by as
# much as the difference.) The cost is shown from the median of the runs, the figure to
# judge by, and from the least, the run each way that compiled best. bench/cpu/steady.sh
# measures the same without start-up and warm-up.
# Usage: bench/cpu/counting.sh [RUNS]   (default 7; PROGRAMS="sha256 sort" picks programs)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-7}"
programs=" ${PROGRAMS:-intloop sha256 nqueens sort} "
work="$root/target/bench/cpu"; mkdir -p "$work"
"$root/vitrine" --version >/dev/null   # builds the jar again if a source is newer: a stale jar's figures are not this code's
for p in intloop nqueens sort; do riscv64-linux-gnu-gcc -static -O2 -o "$work/$p" "$root/bench/cpu/$p.c"; done
riscv64-linux-gnu-gcc -static -O2 -o "$work/sha256" "$root/bench/sha256.c"
cases=("intloop|6000" "sha256|96 2" "nqueens|11 1200" "sort|300 96")
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
printf '%-8s %14s %11s %11s %9s %11s %11s %9s\n' program "guest instr" "on, median" "off, median" cost "on, least" "off, least" cost
for c in "${cases[@]}"; do
  IFS='|' read -r p args <<< "$c"
  case "$programs" in *" $p "*) ;; *) continue ;; esac
  declare -A secs=()
  # shellcheck disable=SC2086
  java -Xss16m -jar "$root/target/vitrine.jar" run --stats-json "$work/$p.count.json" "$work/$p" $args > /dev/null
  for ((r = 0; r < runs; r++)); do
    for m in on off; do
      # shellcheck disable=SC2086
      secs[$m]+=" $(timed $m "$p" $args)"
    done
    cmp -s "$work/out.on" "$work/out.off" || { echo "$p $args: output differs with counting off" >&2; exit 1; }
  done
  # shellcheck disable=SC2086
  awk -v p="$p" -v i="$(instr "$work/$p.count.json")" -v on="$(stats ${secs[on]})" -v off="$(stats ${secs[off]})" 'BEGIN {
    split(on, a); split(off, b)
    printf "%-8s %14.0f %10.2fs %10.2fs %+8.1f%% %10.2fs %10.2fs %+8.1f%%\n", p, i, a[1], b[1], (a[1] / b[1] - 1) * 100, a[2], b[2], (a[2] / b[2] - 1) * 100
  }'
done
echo "(wall time of whole runs, the median and the least of $runs of each, on and off taking turns;"
echo " cost: the time with counting on over the time with it off, less one)"
