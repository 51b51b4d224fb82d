#!/bin/sh
# bench/pingpong: what a pipe round trip between two processes costs on Vitrine, on a fresh
# machine and after C children (default 20000) were forked and reaped. Each case is also run
# with 0 round trips, and that run's CPU time (JVM start-up, the forks) is subtracted, so the
# figure is the ping-pong alone; each figure is the least of $REPEAT (default 3) runs. The two per-trip figures should be about equal: a wakeup
# touches only its pipe's sleepers and reaped processes leave the kernel.
# Usage, from the project root after `mvn -q -o package -DskipTests`:
#   bench/pingpong/run.sh [N round trips, default 20000] [C children, default 20000]
# VITRINE_JAR=path/to/vitrine.jar compares another build. Run it on an idle machine.
set -e
N=${1:-20000}
C=${2:-20000}
JAR=${VITRINE_JAR:-target/vitrine.jar}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
riscv64-linux-gnu-gcc -static -O2 -o "$DIR/pingpong" "$(dirname "$0")/pingpong.c"

# The least process CPU time (user + system, JIT threads included) of $REPEAT runs: steadier
# than wall time on a shared machine.
cpu() {
    best=
    i=0
    while [ $i -lt "${REPEAT:-3}" ]; do
        /usr/bin/time -f "%U %S" -o "$DIR/time" java -Xss16m -jar "$JAR" run "$DIR/pingpong" "$@" > "$DIR/out" 2>&1 \
            || { echo "failed: $*" >&2; cat "$DIR/out" >&2; exit 1; }
        t=$(awk '{ printf "%.2f", $1 + $2 }' "$DIR/time")
        best=$(echo "$t ${best:-$t}" | awk '{ print ($1 < $2 ? $1 : $2) }')
        i=$((i + 1))
    done
    echo "$best"
}

measure() {
    kids=$1
    base=$(cpu 0 "$kids")
    t=$(cpu "$N" "$kids")
    echo "$kids $t $base $N" | awk '{ s = $2 - $3; if (s < 0) s = 0;
        printf "after %6d children: %6.2f s CPU, %6.2f s without the round trips: %5.2f s for %d round trips, %6.1f us each\n", $1, $2, $3, s, $4, s / $4 * 1e6 }'
}

echo "bench/pingpong: $N round trips, $(nproc) cpus, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1 /proc/loadavg), $JAR"
measure 0
measure "$C"
