#!/usr/bin/env bash
# Protection quality: the outage simulation of BENCHMARKS.md ("## Protection quality").
# Needs only Java 17 and Maven; takes about 15 minutes; writes docs/bench/outage-*.{svg,csv,md}.
# The last run is the failover one: the share of callers who still got an answer (outage-results.md).
# Arguments (optional): an output directory, seconds by which to delay the heal, and "failover" to run
# only the failover part (about 2 minutes; writes outage-failover-results.md).
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B -pl benchmarks-http -am package -DskipTests
exec java -Xms256m -Xmx512m \
    -cp "benchmarks-http/target/classes:$(cat benchmarks-http/target/classpath.txt)" \
    dev.breaker.benchmarks.outage.OutageSimulation "${1:-docs/bench}" "${2:-0}" ${3:+"$3"}
