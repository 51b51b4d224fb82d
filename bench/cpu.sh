#!/usr/bin/env bash
# CPU-bound end-to-end benchmark: the same static sha256 binary on Vitrine (full MMU and
# TLB model), on qemu-riscv64, and natively; prints guest MIPS and the ratios of one run.
# Usage: bench/cpu.sh [MIB] [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mib="${1:-4}"; rounds="${2:-4}"
work="$root/target/bench"; mkdir -p "$work"
riscv64-linux-gnu-gcc -static -O2 -o "$work/sha256" "$root/bench/sha256.c"
cc -O2 -o "$work/sha256-native" "$root/bench/sha256.c"
"$root/vitrine" --version >/dev/null   # builds the jar again if a source is newer: a stale jar's figures are not this code's

now() { date +%s.%N; }
t0=$(now); vout=$(java -Xss16m -jar "$root/target/vitrine.jar" run --stats-json "$work/stats.json" "$work/sha256" "$mib" "$rounds"); t1=$(now)
qout=$(qemu-riscv64 "$work/sha256" "$mib" "$rounds"); t2=$(now)
nout=$("$work/sha256-native" "$mib" "$rounds"); t3=$(now)
[ "$vout" = "$qout" ] && [ "$vout" = "$nout" ] || { echo "MISMATCH: vitrine $vout qemu $qout native $nout" >&2; exit 1; }
instr=$(grep -o '"instructions":[0-9]*' "$work/stats.json" | cut -d: -f2)
awk -v i="$instr" -v v="$(echo "$t1 - $t0" | bc)" -v q="$(echo "$t2 - $t1" | bc)" -v n="$(echo "$t3 - $t2" | bc)" \
    -v host="$(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" 'BEGIN {
  printf "sha256 benchmark on %s\n", host
  printf "  guest instructions   %.0f\n", i
  printf "  vitrine              %8.3f s   %7.1f guest MIPS (JVM start-up included)\n", v, i / v / 1e6
  printf "  qemu-riscv64         %8.3f s   vitrine/qemu = %.1fx\n", q, v / q
  printf "  native x86-64        %8.3f s   vitrine/native = %.1fx\n", n, v / n
}'
