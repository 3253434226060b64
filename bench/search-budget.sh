#!/usr/bin/env bash
# The search budget: bytes a browser downloads per cold query, search code included, the index's
# size, and the time to answer once the files are there, on synthetic sites of 10,000 and 100,000
# advisories built from the real records in ../shared/corpora; beside Disclose's index, in the same
# run, Pagefind (bench/pagefind, pinned) indexing the same advisories as pages.
# Usage: bench/search-budget.sh [N...]  (default 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
corpora=../shared/corpora
[ -d "$corpora" ] || { echo "bench: needs $corpora (real advisory records)" >&2; exit 2; }
pagefind=bench/pagefind/node_modules/.bin/pagefind
[ -x "$pagefind" ] || (cd bench/pagefind && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
mvn -B -q -DskipTests package test-compile
cp=generator/target/disclose.jar:generator/target/test-classes
# search.js imports ./analyzer.js as a module: give Node a module folder holding both.
mkdir -p bench/.engine && cp themes/default/assets/search/{analyzer,search}.js bench/.engine/ \
  && echo '{"type": "module"}' > bench/.engine/package.json
for n in ${@:-10000 100000}; do
  out=$(mktemp -d)
  java -cp "$cp" dev.disclose.bench.SearchIndexBench "$corpora" "$n" "$out/search-index" "$out/site"
  start=$(date +%s%N)
  "$pagefind" --site "$out/site" --quiet
  echo "pagefind indexed $n pages in $(( ($(date +%s%N) - start) / 1000000 )) ms"
  node bench/search-budget.mjs "$out/search-index" "$out/site/pagefind"
  rm -rf "$out"
done
