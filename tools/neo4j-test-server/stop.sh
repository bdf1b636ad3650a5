#!/usr/bin/env bash
# Stop a test server started by start.sh (same NEO4J_TEST_PORT / NEO4J_TEST_RUN_DIR): SIGTERM, which
# shuts the database down cleanly, then SIGKILL if it is still alive after NEO4J_TEST_STOP_TIMEOUT
# seconds (default 60).  Exits 0 when nothing was running.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${NEO4J_TEST_PORT:-7688}"
run_dir="${NEO4J_TEST_RUN_DIR:-$here/run/$port}"
wait_s="${NEO4J_TEST_STOP_TIMEOUT:-60}"
pid_file="$run_dir/server.pid"

if [[ ! -f "$pid_file" ]]; then
    echo "neo4j-test-server: not running (no $pid_file)" >&2
    exit 0
fi
pid="$(cat "$pid_file")"
if kill -TERM "$pid" 2>/dev/null; then
    for ((i = 0; i < wait_s * 4; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.25
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "neo4j-test-server: pid $pid ignored SIGTERM for ${wait_s}s; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
fi
rm -f "$pid_file" "$run_dir/ready"
echo "neo4j-test-server: stopped (pid $pid)" >&2
