#!/usr/bin/env bash
# Cold start-up of `disclose` through the launcher, as a maintainer runs it, three ways
# alternating RUNS times (default 5), each run in a new process:
#   17+archive  the java on the PATH (BASE_JAVA names another) with the launcher's class-data archive;
#   25+cache    Java 25 or later (NEW_JAVA, default Temurin 25 under /usr/lib/jvm) with the
#               launcher's ahead-of-time cache;
#   25          the same Java without the cache (only the JDK's own archive), the launcher's options.
# On the demo site (the repository's root) and on synthetic sites of N advisories (bench/generate.py,
# default 10000; 0 for the demo alone): `validate`; `build --no-cache` into a new folder in tmpfs;
# and `build` with its cache when nothing changed since the last (the scheduled job). Prints
# the medians of wall and CPU time (user + system) and each way's ratio to 17+archive; with strace
# installed, when each way opens its first advisory file (median of three traced runs, apart from
# the timed ones); and, once each, the first build after a jar change, which makes the archive or
# the cache. A fixed Python loop is timed before and after, to show how busy the host was.
# Usage: RUNS=5 bench/start-up.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
NEW_JAVA=${NEW_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$NEW_JAVA/bin/java" ] || { echo "bench: no Java 25 at NEW_JAVA=$NEW_JAVA" >&2; exit 2; }
command -v /usr/bin/time >/dev/null 2>&1 || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
mvn -B -q -DskipTests -pl generator -am package
jar=generator/target/disclose.jar
# tmpfs, so that the figures are the process's and not the disk's (see the ext4 trap in README.md).
if [ -d /dev/shm ] && [ -w /dev/shm ]; then base=/dev/shm; else base=$PWD/bench/.corpora; mkdir -p "$base"; fi
work=$(mktemp -d "$base/disclose-start-up.XXXXXX")
trap 'rm -rf "$work"' EXIT
unset CI DISCLOSE_JAVA_OPTS DISCLOSE_LARGE DISCLOSE_JAR

# The launcher's JVM options, from its own assignments, for the way without a cache.
launcher_opts() { (eval "$(grep -E '^(gc_opts|default_opts|large_opts)=' disclose)"; printf '%s\n' "${!1}"); }
opts=$(launcher_opts default_opts)
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
busy() { python3 -c 'import time; t = time.perf_counter(); sum(range(40_000_000)); print(f"{time.perf_counter() - t:.2f} s")'; }

ways=("17+archive" "25+cache" "25")
# way NAME CMD...: CMD through the launcher with that way's Java and options.
way() {
  local name=$1; shift
  case "$name" in
    17+archive) if [ -n "${BASE_JAVA:-}" ]; then DISCLOSE_JAVA=$BASE_JAVA "$@"; else "$@"; fi ;;
    25+cache) DISCLOSE_JAVA=$NEW_JAVA "$@" ;;
    25) DISCLOSE_JAVA=$NEW_JAVA DISCLOSE_JAVA_OPTS=$opts "$@" ;;
  esac
}

# The archive and the cache, made as the first build after a jar change makes them, timed once.
rm -f "${jar%.jar}.jsa" "${jar%.jar}".*.jsa "${jar%.jar}".*.aot
echo "host: the fixed loop took $(busy) before"
for name in "17+archive" "25+cache"; do
  way "$name" /usr/bin/time -f "%e" -o "$work/time" ./disclose build --no-cache --out "$work/first" >/dev/null 2>&1
  t=$(tail -1 "$work/time")
  printf "%-12s first build after a jar change, making its archive or cache: %s s (once)\n" "$name" "$t"
  rm -rf "$work/first"
done

# first_read NAME CMD...: seconds from the launcher's start to the first advisory file opened, and
# to the end, of one traced run.
first_read() {
  local name=$1; shift
  local trace="$work/trace"
  way "$name" strace -f --seccomp-bpf -e trace=openat,execve -ttt -o "$trace" "$@" >/dev/null 2>&1 \
    || { echo "bench: the traced run failed ($name: $*)" >&2; return 1; }
  [ -f "$trace" ] || { echo "bench: strace wrote no trace ($name: $*)" >&2; return 1; }
  awk '$3 ~ /^execve/ && !t0 {t0 = $2} $3 ~ /^openat/ && $0 ~ /\/advisories\/.*\.md"/ && $0 !~ /= -1/ && !r {r = $2}
       {end = $2} END {printf "%s %.3f\n", r ? sprintf("%.3f", r - t0) : "-", end - t0}' "$trace"
  rm -f "$trace"
}

# measure LABEL CMD...: RUNS rounds, each running CMD once each way, the order rotating from round
# to round; then a line per way of medians and the ratio to the first way. An argument {out} is
# replaced by a new folder.
measure() {
  local label=$1; shift
  declare -A walls=() cpus=() reads=() ends=()
  for i in $(seq "$RUNS"); do
    for k in 0 1 2; do
      local name=${ways[$(((i + k) % 3))]} out="$work/out-$i-$k" t="$work/time"
      way "$name" /usr/bin/time -f "%e %U %S" -o "$t" "${@//\{out\}/$out}" >/dev/null 2>&1 \
        || { echo "bench: $label ($name) failed" >&2; cat "$t" >&2; exit 1; }
      local wall user sys
      read -r wall user sys < "$t"
      walls[$name]+="$wall "; cpus[$name]+="$(echo "$user + $sys" | bc) "
      rm -rf "$out"
    done
  done
  if command -v strace >/dev/null 2>&1; then
    for _ in 1 2 3; do
      for name in "${ways[@]}"; do
        local r e
        read -r r e < <(first_read "$name" "${@//\{out\}/$work/traced}")
        reads[$name]+="$r "; ends[$name]+="$e "
        rm -rf "$work/traced"
      done
    done
  fi
  local first
  first=$(printf '%s\n' ${walls[${ways[0]}]} | median)
  for name in "${ways[@]}"; do
    local w
    w=$(printf '%s\n' ${walls[$name]} | median)
    printf "%-30s %-12s wall %6.2f s   cpu %6.2f s   ratio %5.2f" "$label" "$name" "$w" \
      "$(printf '%s\n' ${cpus[$name]} | median)" "$(echo "$w / $first" | bc -l)"
    if [[ ${reads[$name]:-} == -* ]]; then
      printf "   no advisory read, %.2f s (traced)" "$(printf '%s\n' ${ends[$name]} | median)"
    elif [ -n "${reads[$name]:-}" ]; then
      printf "   first advisory read at %.2f s of %.2f s (traced)" \
        "$(printf '%s\n' ${reads[$name]} | median)" "$(printf '%s\n' ${ends[$name]} | median)"
    fi
    printf "\n"
  done
}

# unchanged LABEL ROOT: `build` with its cache, after one unmeasured build that made it.
unchanged() {
  local kept="$work/kept-$1" cache="$work/cache-$1"
  ./disclose build --root "$2" --cache "$cache" --out "$kept" >/dev/null 2>&1
  measure "build $1, nothing changed" ./disclose build --root "$2" --cache "$cache" --out "$kept"
  rm -rf "$kept" "$cache"
}

echo "== the demo site, $RUNS runs each way"
measure "validate demo" ./disclose validate
measure "build demo" ./disclose build --no-cache --out {out}
unchanged demo .
for n in "${@:-10000}"; do
  [ "$n" -gt 0 ] || continue
  site="bench/.corpora/site-$n"
  [ -f "$site/site-config.yaml" ] || python3 bench/generate.py "$n" "$site" >/dev/null
  echo "== $n advisories, $RUNS runs each way"
  measure "validate $n" ./disclose validate --root "$site"
  measure "build $n" ./disclose build --no-cache --root "$site" --out {out}
  unchanged "$n" "$site"
done
echo "host: the fixed loop took $(busy) after"
