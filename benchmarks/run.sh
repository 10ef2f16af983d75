#!/usr/bin/env bash
# Runs the JMH suite with a short profile and prints a markdown table of ratios.
#
#   benchmarks/run.sh                                  # everything, short profile
#   RUN_NAME=trial benchmarks/run.sh 'Gradient|Hvp|Value' -wi 2 -i 3
#   benchmarks/run.sh TapeRecordGradient -p n=100 -prof gc
#
# Every argument goes to JMH (a regexp selects benchmarks; -p overrides @Param). The defaults
# below apply only to options not given. Writes benchmarks/results/<RUN_NAME>.json (JMH's JSON)
# and benchmarks/results/<RUN_NAME>.md (the ratio table). RUN_NAME defaults to the date and time.
# Builds benchmarks/target/benchmarks.jar first if it is missing (BUILD=1 forces a rebuild).
#
# The short profile (1 fork, 3 x 1 s warm-up, 5 x 1 s measurement) is for trial runs; for figures to
# publish, run on a quiet machine with e.g. -f 3 -wi 5 -w 2s -i 10 -r 2s.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
name="${RUN_NAME:-$(date +%Y%m%d-%H%M%S)}"
out="$here/results"

if [[ ! -f "$jar" || "${BUILD:-0}" == 1 ]]; then
  (cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi
mkdir -p "$out"

args=("$@")
has() { local o; for o in "${args[@]}"; do [[ "$o" == "$1" ]] && return 0; done; return 1; }
defaults=()
for pair in "-f 1" "-wi 3" "-w 1s" "-i 5" "-r 1s"; do
  set -- $pair
  has "$1" || defaults+=("$1" "$2")
done

java -jar "$jar" "${defaults[@]}" "${args[@]}" -rf json -rff "$out/$name.json"
python3 "$here/ratios.py" "$out/$name.json" | tee "$out/$name.md"
