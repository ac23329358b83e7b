#!/usr/bin/env bash
# Times atlas against Hugo + Pagefind on the same synthetic chapters, in one
# run on this machine (see docs/performance.md). Installs Debian's hugo and
# npm's pagefind when they are missing: pagefind goes into .ci/bench-tools/
# (git-ignored). Everything else is in Go: cmd/atlas-corpus writes the
# corpus, cmd/atlas-bench times the three tools.
#
#   .ci/bench.sh                       # 10,000 chapters, 10,000 records, 3 fresh runs, 3 rebuilds
#   CHAPTERS=1000 RECORDS=1000 RUNS=1 REBUILDS=0 .ci/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

CHAPTERS=${CHAPTERS:-10000}
RECORDS=${RECORDS:-10000}
RUNS=${RUNS:-3}
REBUILDS=${REBUILDS:-3}
PAGEFIND_VERSION=1.6.0

sudo=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
if ! command -v hugo >/dev/null 2>&1; then
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq hugo
fi

tools=.ci/bench-tools
pagefind=$(ls "$tools"/node_modules/@pagefind/*/bin/pagefind_extended 2>/dev/null | head -n1 || true)
if [ -z "$pagefind" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent "pagefind@${PAGEFIND_VERSION}"
  pagefind=$(ls "$tools"/node_modules/@pagefind/*/bin/pagefind_extended | head -n1)
fi

hugo version
"$pagefind" --version
# The native pagefind binary is timed, not npm's Node wrapper around it.
go run ./cmd/atlas-bench --chapters "$CHAPTERS" --records "$RECORDS" --runs "$RUNS" --rebuilds "$REBUILDS" --work .atlas-bench \
  --hugo hugo --pagefind "$pagefind" "$@"
