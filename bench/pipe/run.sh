#!/bin/sh
# bench/pipe: pipe throughput between two processes, 1 GiB (or $1 bytes) in 64 KiB writes,
# natively (host gcc), under qemu-riscv64, and on Vitrine (java -jar target/vitrine.jar).
# Prints wall-clock seconds and MB/s (10^6 bytes) for each. Run from the project root after
# `mvn -q -o package -DskipTests`.
set -e
BYTES=${1:-1073741824}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
SRC=$(dirname "$0")/pipe.c
riscv64-linux-gnu-gcc -static -O2 -o "$DIR/pipe.rv" "$SRC"
HAVE_NATIVE=0
if command -v gcc >/dev/null 2>&1; then gcc -O2 -o "$DIR/pipe.native" "$SRC" && HAVE_NATIVE=1; fi

measure() {
    name=$1; shift
    start=$(date +%s.%N)
    out=$("$@")
    end=$(date +%s.%N)
    echo "$name: $out" >&2
    awk -v s="$start" -v e="$end" -v b="$BYTES" -v n="$name" 'BEGIN { t = e - s; printf "%-8s %8.2f s  %9.0f MB/s\n", n, t, b / t / 1e6 }'
}

[ $HAVE_NATIVE = 1 ] && measure native "$DIR/pipe.native" "$BYTES"
measure qemu qemu-riscv64 "$DIR/pipe.rv" "$BYTES"
measure vitrine java -jar target/vitrine.jar run "$DIR/pipe.rv" "$BYTES"
