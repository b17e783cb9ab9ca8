#!/usr/bin/env bash
# First frame of the real app (--smoke: JVM start to the first frame drawn, as the app prints it),
# interleaved in one run: the plain jar on the system JDK, the app image's runtime without the AppCDS
# archive, and the app image's own launcher with it; and, when given, an earlier build's jar (a copy of
# its target/roundtrip.jar) on the system JDK. Headless unless DISPLAY is set.
#   mvn -B -o -Pdist package -DskipTests -Ddist.installer=none && bench/first-frame.sh [runs] [earlier.jar]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
earlier=${2:-}
[ -z "$earlier" ] || [ -f "$earlier" ] || { echo "no such jar: $earlier" >&2; exit 1; }
image=target/dist/image/Roundtrip
[ -x "$image/bin/Roundtrip" ] || { echo "no app image: build it with mvn -Pdist package" >&2; exit 1; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mode=--headless; [ -n "${DISPLAY:-}" ] && mode=
props="-Droundtrip.home=$home -Djavafx.cachedir=$home/javafx"
declare -A all cpu phases
# name command...: runs it, keeps the first-frame figure and the CPU time the whole run took (user +
# system, GNU time): on a machine shared with other builds the CPU time moves far less than the clock
one() {
  local ms line
  line=$(/usr/bin/time -f '%U %S' -o "$home/cpu" "${@:2}" --smoke $mode 2>&1 | grep '^first frame ' || true)
  ms=$(sed -n 's/^first frame \([0-9]*\) ms.*/\1/p' <<<"$line")
  [ -n "$ms" ] || { echo "$1 printed no first frame" >&2; exit 1; }
  all[$1]+="$ms "
  phases[$1]+="  ${line#*: }"$'\n'
  cpu[$1]+="$(awk '{printf "%d", ($1 + $2) * 1000}' "$home/cpu") "
}
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
load=$(cut -d' ' -f1-3 /proc/loadavg)
names="jar image-no-cds image-cds"
[ -z "$earlier" ] || names="earlier-jar $names"
for ((i = 0; i < runs; i++)); do
  [ -z "$earlier" ] || one earlier-jar java $props -jar "$earlier"
  one jar java $props -jar target/roundtrip.jar
  one image-no-cds "$image/lib/runtime/bin/java" $props -cp "$image/lib/app/roundtrip.jar" dev.roundtrip.Launcher
  JAVA_TOOL_OPTIONS="$props" one image-cds "$image/bin/Roundtrip"
done
echo "load before: $load; runs: $runs; ${mode:-on $DISPLAY}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in $names; do
  printf '%-13s first frame median %5s ms (all: %s)  CPU median %5s ms (all: %s)\n' "$name" \
    "$(median "${all[$name]}")" "${all[$name]% }" "$(median "${cpu[$name]}")" "${cpu[$name]% }"
done
echo "phases of each run (ms since JVM start, the thread's CPU ms in brackets):"
for name in $names; do echo "$name"; printf '%s' "${phases[$name]}"; done
