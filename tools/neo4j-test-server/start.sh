#!/usr/bin/env bash
# Start the in-process Neo4j 5.26 test server in the background and wait until Bolt is up.
#
#   tools/neo4j-test-server/start.sh            # bolt://127.0.0.1:7688, auth off
#   NEO4J_TEST_PORT=7689 NEO4J_TEST_AUTH=true NEO4J_TEST_PASSWORD=secret tools/neo4j-test-server/start.sh
#
# Builds target/neo4j-test-server.jar first when it is missing or older than pom.xml or the source
# (Maven downloads from Maven Central on a fresh machine: a few minutes the first time).
# State goes to $NEO4J_TEST_RUN_DIR (default tools/neo4j-test-server/run/PORT/): server.pid,
# ready (holds the Bolt URI once up), server.log.  Prints the Bolt URI on success.
# If a server started by this script is already running on the port, it is reused.
# Env: NEO4J_TEST_PORT, NEO4J_TEST_AUTH, NEO4J_TEST_PASSWORD, NEO4J_TEST_PAGECACHE,
#      NEO4J_TEST_JAVA_OPTS (default "-Xms256m -Xmx1g"), NEO4J_TEST_TIMEOUT (seconds, default 180),
#      JAVA_HOME (else `java` on PATH; Java 17 or 21), MVN (default mvn; may carry options).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${NEO4J_TEST_PORT:-7688}"
run_dir="${NEO4J_TEST_RUN_DIR:-$here/run/$port}"
timeout="${NEO4J_TEST_TIMEOUT:-180}"
jar="$here/target/neo4j-test-server.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mvn="${MVN:-mvn}"

log() { echo "neo4j-test-server: $*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

mkdir -p "$run_dir"
pid_file="$run_dir/server.pid"
ready_file="$run_dir/ready"
log_file="$run_dir/server.log"

if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    if [[ -f "$ready_file" ]]; then
        log "already running (pid $(cat "$pid_file"))"
        cat "$ready_file"
        exit 0
    fi
    log "a server (pid $(cat "$pid_file")) is starting or stuck; stop it with stop.sh first"
    exit 1
fi
rm -f "$pid_file" "$ready_file"

if port_open "$port"; then
    log "port $port on 127.0.0.1 is already in use by another process"
    exit 1
fi

stale=0
if [[ ! -f "$jar" || ! -d "$here/target/lib" ]]; then
    stale=1
elif [[ -n "$(find "$here/pom.xml" "$here/src" -newer "$jar" -print -quit)" ]]; then
    stale=1
fi
if [[ $stale == 1 ]]; then
    log "building (mvn -B -q package) ..."
    # shellcheck disable=SC2086  # MVN may carry options, e.g. MVN="mvn -Dmaven.repo.local=/tmp/m2"
    (cd "$here" && $mvn -B -q -ntp package) >&2 || { log "Maven build failed"; exit 1; }
fi

# shellcheck disable=SC2086  # word splitting of the Java options is intended
NEO4J_TEST_PORT="$port" NEO4J_TEST_READY_FILE="$ready_file" \
    nohup "$java" ${NEO4J_TEST_JAVA_OPTS:--Xms256m -Xmx1g} -jar "$jar" >"$log_file" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$pid_file"

for ((i = 0; i < timeout * 4; i++)); do
    if [[ -f "$ready_file" ]] && port_open "$port"; then
        log "up (pid $pid), log in $log_file"
        cat "$ready_file"
        exit 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        log "the server exited before it was ready; last lines of $log_file:"
        tail -n 30 "$log_file" >&2 || true
        rm -f "$pid_file"
        exit 1
    fi
    sleep 0.25
done
log "not ready after ${timeout}s; stopping it. Last lines of $log_file:"
tail -n 30 "$log_file" >&2 || true
kill -TERM "$pid" 2>/dev/null || true
rm -f "$pid_file"
exit 1
