#!/usr/bin/env bash
# Guest MIPS of intloop, sha256, nqueens and sort on Vitrine with translation on and off,
# on qemu-riscv64 and natively, as ratios taken in one run. Each engine runs each program
# at two lengths; MIPS = extra guest instructions / extra wall seconds, so JVM start-up,
# class loading and warm-up drop out. The short run is itself long enough (about a second
# translated) for the JVM to have compiled the hot blocks: with shorter ones C2 was still
# compiling through the long run, and the difference held warm-up. Both runs do the same
# work, the long one more rounds of it. Vitrine also runs with exact counting off
# (-Dvitrine.bench.counting=off, for benchmarks only: every figure is then wrong): the last
# column is what counting costs, off's MIPS over on's. Guest instruction counts are Vitrine's own instret
# (the same binary on every engine; native runs the same C source built for x86-64, so its
# "MIPS" is the guest count over native time). The outputs of all four must agree and the
# two Vitrine runs must report the same figures (every counter of --stats-json).
# Usage: bench/cpu/run.sh [SCALE]   (SCALE multiplies the long runs; default 1)
# RUNS=N (default 1) times each engine and length N times, the engines taking turns, and keeps
# the least: on a machine others share, the run the others disturbed least.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
scale="${1:-1}"
runs="${RUNS:-1}"
work="$root/target/bench/cpu"; mkdir -p "$work"
"$root/vitrine" --version >/dev/null   # builds the jar again if a source is newer: a stale jar's figures are not this code's
for p in intloop nqueens sort; do
  riscv64-linux-gnu-gcc -static -O2 -o "$work/$p" "$root/bench/cpu/$p.c"
  cc -O2 -o "$work/$p-native" "$root/bench/cpu/$p.c"
done
riscv64-linux-gnu-gcc -static -O2 -o "$work/sha256" "$root/bench/sha256.c"
cc -O2 -o "$work/sha256-native" "$root/bench/sha256.c"

# program, short arguments, long arguments
cases=("intloop|200|$((600 * scale))" "sha256|8 2|$((24 * scale)) 2" "nqueens|11 40|11 $((120 * scale))" "sort|300 8|300 $((32 * scale))")

now() { date +%s.%N; }
vitrine() { java -Xss16m ${VITRINE_JVM:-} -jar "$root/target/vitrine.jar" run "$@"; }
instr() { grep -o '"instructions":[0-9]*' "$1" | cut -d: -f2; }
# engine program args -> seconds (stdout kept in $work/out.ENGINE)
timed() {
  local engine=$1 p=$2; shift 2; local t0 t1
  t0=$(now)
  case $engine in
    jit) vitrine --stats-json "$work/$p.jit.json" "$work/$p" "$@" ;;
    off) VITRINE_JVM=-Dvitrine.bench.counting=off vitrine "$work/$p" "$@" ;;
    nojit) vitrine --no-jit --stats-json "$work/$p.nojit.json" "$work/$p" "$@" ;;
    qemu) qemu-riscv64 "$work/$p" "$@" ;;
    native) "$work/$p-native" "$@" ;;
  esac > "$work/out.$engine"
  t1=$(now)
  echo "$t1 - $t0" | bc
}

printf '%s, %s cores, %s; load %s\n' "$(uname -m)" "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %14s %9s %9s %9s %9s %8s %9s %10s %9s\n' program "guest instr" jit no-jit qemu native jit/no-jit qemu/jit native/jit counting
for c in "${cases[@]}"; do
  IFS='|' read -r p short long <<< "$c"
  declare -A secs=()
  for len in short long; do
    args=${!len}
    for ((r = 0; r < runs; r++)); do
      for e in jit off nojit qemu native; do
        # shellcheck disable=SC2086
        t=$(timed $e "$p" $args)
        if [ "$r" = 0 ] || [ "$(echo "$t < ${secs[$e.$len]}" | bc)" = 1 ]; then secs[$e.$len]=$t; fi
      done
    done
    for e in off nojit qemu native; do
      cmp -s "$work/out.jit" "$work/out.$e" || { echo "$p $args: output of $e differs from Vitrine's" >&2; exit 1; }
    done
    cmp -s "$work/$p.jit.json" "$work/$p.nojit.json" || { echo "$p $args: figures differ with and without translation" >&2; exit 1; }
    declare "i_$len=$(instr "$work/$p.jit.json")"
  done
  awk -v p="$p" -v di="$((i_long - i_short))" \
      -v j="$(echo "${secs[jit.long]} - ${secs[jit.short]}" | bc)" -v n="$(echo "${secs[nojit.long]} - ${secs[nojit.short]}" | bc)" \
      -v q="$(echo "${secs[qemu.long]} - ${secs[qemu.short]}" | bc)" -v x="$(echo "${secs[native.long]} - ${secs[native.short]}" | bc)" \
      -v o="$(echo "${secs[off.long]} - ${secs[off.short]}" | bc)" 'BEGIN {
    mj = di / j / 1e6; mn = di / n / 1e6; mq = di / q / 1e6; mx = di / x / 1e6; mo = di / o / 1e6
    printf "%-8s %14.0f %9.0f %9.0f %9.0f %9.0f %9.1fx %8.1fx %9.1fx %+8.0f%%\n", p, di, mj, mn, mq, mx, mj / mn, mq / mj, mx / mj, (mo / mj - 1) * 100
  }'
done
echo "(guest MIPS over the difference of two run lengths, the least of $runs run(s) each; ratios > 1 mean the right-hand engine is faster;"
echo " counting: what exact counting costs, MIPS with it off over MIPS with it on, less one)"
