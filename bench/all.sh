#!/usr/bin/env bash
# Issue 11's whole table in one command, every figure taken in this one run: guest MIPS
# against qemu-riscv64 and native (cpu/run.sh), what exact counting costs end to end
# (cpu/counting.sh) and in a warm JVM (cpu/steady.sh), and start-up, page faults, fork and
# pipes (run.sh). About twelve minutes on two cores.
# Usage: bench/all.sh   (RUNS=N: the least of N runs for the MIPS table; default 3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
RUNS="${RUNS:-3}" bash "$here/cpu/run.sh"
echo
bash "$here/cpu/counting.sh"
echo
bash "$here/cpu/steady.sh"
echo
bash "$here/run.sh"
