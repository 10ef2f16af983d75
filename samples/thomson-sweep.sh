#!/bin/sh
# Runs the default global search (thomson --starts 4) for every N from FROM to TO and prints one line per N:
# N, lowest energy found, relative difference from the lowest known energy, starts at the best, time to the
# best and of the whole search. Usage: samples/thomson-sweep.sh [FROM [TO]]  (default 2 150); build the jar
# first (mvn -B -q -pl samples -am package -DskipTests). Extra options go in THOMSON_OPTS, another jar in JAR.
set -eu
from=${1:-2}
to=${2:-150}
jar=${JAR:-$(dirname "$0")/target/wengert-samples.jar}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf 'N\tlowest E\trelative difference\tstarts at best\ttime to best (s)\tsearch (s)\n'
n=$from
while [ "$n" -le "$to" ]; do
    # shellcheck disable=SC2086
    java -jar "$jar" thomson --n "$n" --starts 4 ${THOMSON_OPTS:-} --out "$out/t.png" 2>/dev/null | awk -v n="$n" '
        /^lowest E =/ { e = $4; d = "-"; for (i = 1; i <= NF; i++) if ($i == "difference") d = $(i + 1) }
        /^reached by/ { r = $3 "/" $5; sub(/,/, "", r); tb = $(NF - 4); ts = $(NF - 1) }
        END { printf "%s\t%s\t%s\t%s\t%s\t%s\n", n, e, d, r, tb, ts }'
    n=$((n + 1))
done
