#!/usr/bin/env bash
# Issue 11's system figures in one run: start-up of `vitrine run hello` against `java -version`,
# page faults on fresh anonymous memory, fork of a process with 64 MiB touched, and pipe
# throughput, on Vitrine (through the ./vitrine launcher, as a user runs it), qemu-riscv64 and
# natively (the same C source built for the host). Throughputs are over the difference of two
# run lengths, so start-up drops out; start-up is the least wall time of RUNS runs (default 5)
# and the most peak RSS. Every engine must print the same as the others, or the script fails.
# Usage: bench/run.sh [RUNS] [startup]   (startup: the two start-up rows only)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
only="${2:-}"
for tool in /usr/bin/time bc qemu-riscv64 riscv64-linux-gnu-gcc cc; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh needs $tool (Debian: time, bc, qemu-user, gcc-riscv64-linux-gnu, gcc)" >&2; exit 1; }
done
work="$root/target/bench/sys"; mkdir -p "$work"
printf '#include <stdio.h>\nint main(void) { puts("hello, world"); return 0; }\n' > "$work/hello.c"
for p in hello faults fork pipe; do
  src="$root/bench/$p/$p.c"; [ "$p" = hello ] && src="$work/hello.c"
  riscv64-linux-gnu-gcc -static -O2 -o "$work/$p" "$src"
  cc -O2 -o "$work/$p-native" "$src"
done
"$root/vitrine" run "$work/hello" >/dev/null   # builds the jar (and the launcher's class archive) if need be
"$root/vitrine" run "$work/hello" >/dev/null

# engine program args... -> "wall_seconds peak_rss_kib"; stdout kept in $work/out.ENGINE
timed() {
  local engine=$1 p=$2; shift 2
  local cmd
  case $engine in
    vitrine) cmd=("$root/vitrine" run "$work/$p") ;;   # the default machine: 256 MiB
    qemu) cmd=(qemu-riscv64 "$work/$p") ;;
    native) cmd=("$work/$p-native") ;;
    java) cmd=(java -version) ;;
  esac
  /usr/bin/time -o "$work/time" -f '%e %M' "${cmd[@]}" "$@" > "$work/out.$engine" 2>/dev/null
  cat "$work/time"
}
# Wall seconds with nanosecond resolution (time -f %e has 10 ms).
wall() {
  local engine=$1; shift
  local t0 t1
  t0=$(date +%s.%N); timed "$engine" "$@" > /dev/null; t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}
same() {
  cmp -s "$work/out.vitrine" "$work/out.qemu" && cmp -s "$work/out.vitrine" "$work/out.native" \
    || { echo "$1: the engines printed different things" >&2; exit 1; }
}

printf '%s, %s cores, %s; load %s\n' "$(uname -m)" "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" "$(cut -d' ' -f1-3 /proc/loadavg)"

# Start-up: least wall time and largest peak RSS over $runs runs each, the engines taking turns
# so that a change of load in the meantime falls on all of them.
declare -A best=() rss=()
for e in java vitrine qemu native; do best[$e]=99; rss[$e]=0; done
for _ in $(seq "$runs"); do
  for e in java vitrine qemu native; do
    t0=$(date +%s.%N); read -r _ kib < <(timed "$e" hello); t1=$(date +%s.%N)
    s=$(echo "$t1 - $t0" | bc)
    best[$e]=$(echo "if ($s < ${best[$e]}) $s else ${best[$e]}" | bc)
    [ "$kib" -gt "${rss[$e]}" ] && rss[$e]=$kib
  done
done
same hello
printf '\n%-34s %12s %12s %12s %12s\n' "" vitrine qemu native "java -version"
printf '%-34s %11.3fs %11.3fs %11.3fs %11.3fs   vitrine/java = %.1fx\n' "start-up: run hello (wall, least)" \
  "${best[vitrine]}" "${best[qemu]}" "${best[native]}" "${best[java]}" "$(echo "${best[vitrine]} / ${best[java]}" | bc -l)"
printf '%-34s %9d MiB %9d MiB %9d MiB %9d MiB\n' "start-up: peak RSS (most)" \
  $((rss[vitrine] / 1024)) $((rss[qemu] / 1024)) $((rss[native] / 1024)) $((rss[java] / 1024))
[ "$only" = startup ] && exit 0

# name unit-count short-args long-args scale label
rate() {
  local name=$1 units=$2 short=$3 long=$4 label=$5 fmt=$6
  declare -A r=()
  for e in vitrine qemu native; do
    # shellcheck disable=SC2086
    a=$(wall "$e" "$name" $short); b=$(wall "$e" "$name" $long)
    r[$e]=$(echo "$units / ($b - $a)" | bc -l)
  done
  same "$name"
  # shellcheck disable=SC2059
  printf "%-34s $fmt $fmt $fmt   vitrine/native = %.2fx\n" "$label" "${r[vitrine]}" "${r[qemu]}" "${r[native]}" "$(echo "${r[vitrine]} / ${r[native]}" | bc -l)"
}
rate faults $((16384 * 32)) "16384 2" "16384 34" "page faults/s (fresh anonymous)" '%12.0f'
rate fork 200 "64 10" "64 210" "fork+exit+wait/s, 64 MiB touched" '%12.0f'
# MB/s: 10^6 bytes; 4 GiB more in the long run (1 GiB against 5: the JVM's warm-up is in both).
rate pipe 4294.967296 $((1 << 30)) $((5 << 30)) "pipe MB/s (64 KiB writes)" '%12.0f'
echo "(throughputs over the difference of two run lengths; vitrine through ./vitrine)"
