#!/usr/bin/env bash
# Steady-state guest MIPS: the same sha256 binary on Vitrine at two run lengths; the
# difference in instructions over the difference in time leaves out JVM start-up, class
# loading and JIT warm-up, which bench/cpu.sh's single run includes.
# Usage: bench/cpu-steady.sh [SHORT_MIB] [LONG_MIB]   (2 rounds each)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
short="${1:-8}"; long="${2:-24}"
work="$root/target/bench"; mkdir -p "$work"
riscv64-linux-gnu-gcc -static -O2 -o "$work/sha256" "$root/bench/sha256.c"
"$root/vitrine" --version >/dev/null   # builds the jar again if a source is newer: a stale jar's figures are not this code's
now() { date +%s.%N; }
run() {  # MIB -> "instructions seconds"
  local t0 t1
  t0=$(now); java -Xss16m -jar "$root/target/vitrine.jar" run --stats-json "$work/steady.json" "$work/sha256" "$1" 2 >/dev/null; t1=$(now)
  echo "$(grep -o '"instructions":[0-9]*' "$work/steady.json" | cut -d: -f2) $(echo "$t1 - $t0" | bc)"
}
read -r i1 s1 < <(run "$short")
read -r i2 s2 < <(run "$long")
awk -v i1="$i1" -v s1="$s1" -v i2="$i2" -v s2="$s2" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
    -v host="$(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" 'BEGIN {
  printf "sha256 steady state on %s (load %s)\n", host, load
  printf "  short run  %12.0f instructions %8.3f s  %6.1f MIPS incl. start-up\n", i1, s1, i1 / s1 / 1e6
  printf "  long run   %12.0f instructions %8.3f s  %6.1f MIPS incl. start-up\n", i2, s2, i2 / s2 / 1e6
  printf "  steady     %12.0f instructions %8.3f s  %6.1f guest MIPS\n", i2 - i1, s2 - s1, (i2 - i1) / (s2 - s1) / 1e6
}'
