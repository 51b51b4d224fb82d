#!/usr/bin/env bash
# What exact counting costs in the steady state: each program runs REPEATS times in one JVM,
# each time on a fresh machine (dev.vitrine.bench.GuestBench, in the test classes), timed by
# the machine thread's CPU time. The first two repeats (class loading, C1 and C2 compiling the
# hot blocks) are left out, and the figure is the median of the rest over ROUNDS JVMs of each
# mode, counting on and off (-Dvitrine.bench.counting=off, for benchmarks only: every figure
# is then wrong) taking turns. No JVM start-up or warm-up is in it, so it moves less from one
# run to the next than counting.sh's, whose end-to-end times hold the warm-up too (and
# counting makes the blocks C2 compiles larger).
# Usage: bench/cpu/steady.sh [REPEATS] [ROUNDS]   (default 8 2)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
repeats="${1:-8}"; rounds="${2:-2}"
[ "$repeats" -ge 3 ] || { echo "steady.sh: REPEATS must be 3 or more (the first two are left out)" >&2; exit 2; }
work="$root/target/bench/cpu"; mkdir -p "$work"
"$root/vitrine" --version >/dev/null   # builds the jar again if a source is newer
(cd "$root" && mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt") >"$work/mvn.log" 2>&1 \
  || { cat "$work/mvn.log" >&2; exit 1; }
cp="$root/target/classes:$root/target/test-classes:$(cat "$work/classpath.txt")"
for p in intloop nqueens sort; do riscv64-linux-gnu-gcc -static -O2 -o "$work/$p" "$root/bench/cpu/$p.c"; done
riscv64-linux-gnu-gcc -static -O2 -o "$work/sha256" "$root/bench/sha256.c"
cases=("intloop|2000" "sha256|32 2" "nqueens|11 400" "sort|300 32")
median() { sort -g | awk '{ t[NR] = $1 } END { print NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'; }
printf '%s, %s cores, %s; load %s\n' "$(uname -m)" "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %14s %14s %14s %9s\n' program "guest instr" "on (CPU s)" "off (CPU s)" cost
for c in "${cases[@]}"; do
  IFS='|' read -r p args <<< "$c"
  declare -A secs=()
  instr=""
  for ((r = 0; r < rounds; r++)); do
    for m in on off; do
      opt=""; [ "$m" = off ] && opt=-Dvitrine.bench.counting=off
      # shellcheck disable=SC2086
      out=$(java -Xss16m $opt -Dmode=jit -cp "$cp" dev.vitrine.bench.GuestBench "$repeats" "$work/$p" $args)
      instr=$(echo "$out" | head -1 | sed 's/.*: \([0-9,]*\) instructions.*/\1/' | tr -d ,)
      secs[$m]+=$(echo "$out" | tail -n +3 | sed 's/.*instructions, \([0-9.]*\) CPU s.*/\1/' | tr '\n' ' ')
    done
  done
  on=$(echo "${secs[on]}" | tr ' ' '\n' | grep . | median)
  off=$(echo "${secs[off]}" | tr ' ' '\n' | grep . | median)
  awk -v p="$p" -v i="$instr" -v on="$on" -v off="$off" 'BEGIN {
    printf "%-8s %14.0f %14.3f %14.3f %+8.1f%%\n", p, i, on, off, (on / off - 1) * 100
  }'
done
echo "(thread CPU of one whole run on a fresh machine in a warm JVM (its blocks still translated and compiled anew),"
echo " the median of repeats 3 to $repeats of $rounds JVMs each way;"
echo " cost: CPU time with counting on over counting off, less one)"
