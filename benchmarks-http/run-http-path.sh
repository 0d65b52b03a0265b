#!/usr/bin/env bash
# HTTP-path overhead: a gateway with the starter's filters off and on, driven by wrk
# (BENCHMARKS.md, "## HTTP path"). Needs Java 17, Maven and wrk (installed from Debian if missing);
# takes about 10 minutes; writes docs/bench/http-path-results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }
    else sudo apt-get install -y wrk; fi
fi

# The sample gateway where the repository has one, else MiniGateway from this module.
if [ -d sample-app ]; then
    mvn -q -B -pl sample-app,benchmarks-http -am package -DskipTests
    gateway="$(ls sample-app/target/sample-app-*.jar | grep -v original | head -1)"
else
    mvn -q -B -pl benchmarks-http -am package -DskipTests
    gateway=mini
fi
classpath="benchmarks-http/target/classes:$(cat benchmarks-http/target/classpath.txt)"
exec java -cp "$classpath" dev.breaker.benchmarks.http.HttpPathBenchmark "$gateway" "$classpath" "${1:-docs/bench}"
