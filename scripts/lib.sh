# Shared by scripts/setup, scripts/serve, scripts/test and scripts/bench. Sourced, not run.
# Shared shell helpers: the repo root, PATH with the project's tools first, and phase timing.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Project tools first: wasm-opt from npm binaryen must win over any other wasm-opt on PATH.
export PATH="$ROOT/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Trunk's update check calls a web API this network cannot reach.
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

PHASES=()
# phase NAME CMD...: runs CMD, prints and records how long it took.
phase() {
  local name=$1; shift
  local start=$SECONDS rc=0
  echo "==> $name"
  "$@" || rc=$?
  local took=$((SECONDS - start))
  PHASES+=("$(printf '%-34s %4ss%s' "$name" "$took" "$([ $rc -ne 0 ] && echo '  FAILED')")")
  echo "<== $name: ${took}s"
  return $rc
}

print_phases() {
  echo
  echo "Phase timings:"
  local p
  for p in "${PHASES[@]}"; do echo "  $p"; done
}

# start_dist_server: serves dist/ on a free loopback port in the background.
# Sets SERVER_PID and SERVER_URL; the caller stops it (kill "$SERVER_PID").
start_dist_server() {
  local port
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  node "$ROOT/scripts/serve-dist.mjs" "$ROOT/dist" "$port" >/dev/null 2>&1 &
  SERVER_PID=$!
  SERVER_URL="http://127.0.0.1:$port"
  local _
  for _ in $(seq 100); do
    curl -fs -o /dev/null "$SERVER_URL/" && return 0
    sleep 0.1
  done
  echo "the dist server did not start on $SERVER_URL" >&2
  return 1
}
