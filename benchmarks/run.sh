#!/usr/bin/env bash
# Runs the JMH suite and writes a report into benchmarks/results/.
#
#   benchmarks/run.sh --profile short        # the whole suite in under 10 minutes on 2 cores: JSON, tables, chart
#   benchmarks/run.sh --profile long         # the figures to publish (about 1 h 45 min: 68 cases x 3 forks x 30 s; quiet machine)
#   RUN_NAME=trial benchmarks/run.sh 'ThomsonBenchmarks\.(plainValue|.*Gradient)$' -wi 2 -i 3
#   benchmarks/run.sh tapeRecordGradient -p n=100 -prof gc
#
# With --profile, the jar is always rebuilt first (mvn -pl benchmarks -am package -DskipTests), every
# benchmark runs at its default sizes with JMH's gc profiler (allocation per operation), and the run is
# written to benchmarks/results/<profile>-profile.{json,md,png} (RUN_NAME overrides the name):
#   short: -f 1 -wi 2 -w 500ms -i 3 -r 500ms -prof gc
#   long:  -f 3 -wi 5 -w 2s -i 10 -r 2s -prof gc
# Arguments after the profile go to JMH too (a regexp selects benchmarks; -p overrides @Param).
#
# Without --profile, every argument goes to JMH and the defaults -f 1 -wi 3 -w 1s -i 5 -r 1s apply to the
# options not given; the jar is built only if missing (BUILD=1 forces it); the run is written to
# benchmarks/results/<RUN_NAME>.{json,md,png}, RUN_NAME defaulting to the date and time.
#
# The .md file is the ratio tables of benchmarks/ratios.py (each variant / the plain value, and / the analytic
# code of the same quantity, plus allocation per operation when profiled), headed by the date, JDK and machine;
# the .png is the bar chart of dev.wengert.benchmarks.report.ReportWriter (log scale). All from this one run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
out="$here/results"

profile=""
if [[ "${1:-}" == "--profile" ]]; then
  profile="${2:?--profile needs short or long}"
  shift 2
fi

case "$profile" in
  short) defaults=(-f 1 -wi 2 -w 500ms -i 3 -r 500ms -prof gc) ;;
  long) defaults=(-f 3 -wi 5 -w 2s -i 10 -r 2s -prof gc) ;;
  "") defaults=() ;;
  *) echo "run.sh: unknown profile '$profile' (expected short or long)" >&2; exit 2 ;;
esac
name="${RUN_NAME:-${profile:+$profile-profile}}"
name="${name:-$(date +%Y%m%d-%H%M%S)}"

if [[ -n "$profile" || ! -f "$jar" || "${BUILD:-0}" == 1 ]]; then
  (cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi
mkdir -p "$out"

args=("$@")
if [[ -z "$profile" ]]; then
  has() { local o; for o in "${args[@]+"${args[@]}"}"; do [[ "$o" == "$1" ]] && return 0; done; return 1; }
  for pair in "-f 1" "-wi 3" "-w 1s" "-i 5" "-r 1s"; do
    set -- $pair
    has "$1" || defaults+=("$1" "$2")
  done
fi

cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || true)"
jdk="$(java -version 2>&1 | head -1)"
machine="$(date -u '+%Y-%m-%d %H:%M UTC'); $jdk; ${cpu:-unknown CPU}, $(nproc) cores, $(free -g 2>/dev/null | awk '/Mem:/ {print $2 " GB RAM"}'); load average at start $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "run.sh: $machine" >&2

java -jar "$jar" "${defaults[@]+"${defaults[@]}"}" "${args[@]+"${args[@]}"}" -rf json -rff "$out/$name.json"
python3 "$here/ratios.py" "$out/$name.json" "Machine: $machine." | tee "$out/$name.md"
java -Djava.awt.headless=true -cp "$jar" dev.wengert.benchmarks.report.ReportWriter \
  "$out/$name.json" "$out/$name.png" "$(date -u +%Y-%m-%d), $(nproc) cores, ${cpu:-unknown CPU}"
echo "run.sh: wrote $out/$name.json, $out/$name.md, $out/$name.png" >&2
