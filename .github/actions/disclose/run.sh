#!/usr/bin/env bash
# The action's last step: one disclose command through the launcher (with the JVM options a
# maintainer's run gets), its results as step outputs, and a line or section in the job summary.
#
# Environment: COMMAND (validate, build, summary, export or due), ROOT, BASE_URL (build), SINCE
# (summary), FORMAT and OUT (export), DEPLOYED (due), DISCLOSE_JAR, ACTION_PATH, and GitHub's
# GITHUB_OUTPUT and GITHUB_STEP_SUMMARY (standard output and /dev/null when unset).
# Exit code: the command's own (0 clean, 1 findings, 2 usage or I/O error).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
launcher="${ACTION_PATH:-$here}/disclose"
root=${ROOT:-.}
out=${GITHUB_OUTPUT:-/dev/stdout}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Runs disclose, its output shown as it comes (annotations included) and kept for the outputs.
disclose() {
  "$launcher" "$@" 2>&1 | tee "$log"
  return "${PIPESTATUS[0]}"
}
# The number before WORD in the last line that matches PATTERN, or 0.
count() {
  local line
  line=$(grep -E "$1" "$log" | tail -n 1)
  if [[ "$line" =~ ([0-9]+)\ $2 ]]; then echo "${BASH_REMATCH[1]}"; else echo 0; fi
}

status=0
case "${COMMAND:-validate}" in
  validate)
    disclose validate --root "$root" --format github || status=$?
    errors=$(count '^checked [0-9]+ files?' 'errors?')
    warnings=$(count '^checked [0-9]+ files?' 'warnings?')
    { echo "errors=$errors"; echo "warnings=$warnings"; } >> "$out"
    echo "**disclose validate** \`$root\`: $(grep -E '^checked ' "$log" | tail -n 1)" >> "$summary"
    ;;
  build)
    args=(build --root "$root")
    if [ -n "${BASE_URL:-}" ]; then args+=(--base-url "$BASE_URL"); fi
    disclose "${args[@]}" || status=$?
    site="$root/_site"
    { echo "site-path=$site"; echo "advisories=$(count '^built [0-9]+ advisor' 'advisor')"; } >> "$out"
    # The build's manifest, when this disclose writes one: the content hash a deploy compares.
    if [ "$status" = 0 ] && [ -f "$site/disclose-build.json" ]; then
      echo "content=$(jq -r '.content // empty' "$site/disclose-build.json")" >> "$out"
    fi
    if [ "$status" = 0 ]; then
      echo "**disclose build** \`$root\`: $(grep -E '^built ' "$log" | tail -n 1), into \`$site\`" >> "$summary"
    else
      echo "**disclose build** \`$root\`: failed (exit $status); the log and the annotations say why" >> "$summary"
    fi
    ;;
  summary)
    if [ -z "${SINCE:-}" ]; then
      echo "::error title=disclose::the summary command needs the input 'since', a git ref such as the pull request's base commit"
      exit 2
    fi
    "$launcher" summary --root "$root" --since "$SINCE" > "$log" || status=$?
    cat "$log"
    cat "$log" >> "$summary"
    ;;
  export)
    if [ -z "${FORMAT:-}" ] || [ -z "${OUT:-}" ]; then
      echo "::error title=disclose::the export command needs the inputs 'format' (such as osv) and 'out' (a folder)"
      exit 2
    fi
    disclose export "$FORMAT" --root "$root" --out "$OUT" || status=$?
    echo "export-path=$OUT" >> "$out"
    echo "**disclose export $FORMAT** \`$root\` into \`$OUT\`" >> "$summary"
    ;;
  due)
    args=(due --root "$root")
    if [ -n "${DEPLOYED:-}" ]; then args+=(--deployed "$DEPLOYED"); fi
    disclose "${args[@]}" || status=$?
    grep -E '^(due|reason)=' "$log" >> "$out"
    echo "**disclose due** \`$root\`: $(grep -E '^(due|reason)=' "$log" | paste -sd ' ')" >> "$summary"
    ;;
  *)
    echo "::error title=disclose::input 'command' must be validate, build, summary, export or due, not '${COMMAND}'"
    exit 2
    ;;
esac
exit "$status"
