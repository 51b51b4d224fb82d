#!/bin/sh
# bench/pipe: pipe throughput between two processes, 1 GiB (or $1 bytes) in 64 KiB writes,
# natively (host gcc), under qemu-riscv64, and on Vitrine (java -jar target/vitrine.jar).
# Each is also run with 64 KiB to measure its start-up (JVM, qemu), which is subtracted for the
# "steady" figure. MB/s are 10^6 bytes per second. Run from the project root after
# `mvn -q -o package -DskipTests`; the host's load shows up in every figure, so run it idle.
set -e
BYTES=${1:-1073741824}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
SRC=$(dirname "$0")/pipe.c
riscv64-linux-gnu-gcc -static -O2 -o "$DIR/pipe.rv" "$SRC"
HAVE_NATIVE=0
if command -v gcc >/dev/null 2>&1; then gcc -O2 -o "$DIR/pipe.native" "$SRC" && HAVE_NATIVE=1; fi

seconds() {
    start=$(date +%s.%N)
    "$@" > "$DIR/out" || { echo "failed: $*" >&2; cat "$DIR/out" >&2; exit 1; }
    end=$(date +%s.%N)
    echo "$start $end" | awk '{ printf "%.3f", $2 - $1 }'
}

measure() {
    name=$1; shift
    base=$(seconds "$@" 65536)
    t=$(seconds "$@" "$BYTES")
    echo "$name $t $base $BYTES" | awk '{ s = $2 - $3; if (s <= 0) s = 0.001;
        printf "%-8s %7.2f s wall (%5.2f s start-up)  %6.0f MB/s wall  %6.0f MB/s steady\n", $1, $2, $3, $4 / $2 / 1e6, $4 / s / 1e6 }'
}

echo "bench/pipe: $BYTES bytes in 64 KiB writes, $(nproc) cpus, load $(cut -d' ' -f1 /proc/loadavg)"
[ $HAVE_NATIVE = 1 ] && measure native "$DIR/pipe.native"
measure qemu qemu-riscv64 "$DIR/pipe.rv"
measure vitrine java -jar target/vitrine.jar run "$DIR/pipe.rv"
