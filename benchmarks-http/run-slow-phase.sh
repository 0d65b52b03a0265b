#!/usr/bin/env bash
# The slow phase of an outage (BENCHMARKS.md, "## Slow calls"): a provider whose time to first token
# climbs while every answer is a 200, ours against resilience4j, on a virtual clock. Needs Java 17 and
# Maven; takes a few seconds after the build; needs no quiet machine (no real time passes).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl benchmarks-http -am package -DskipTests
exec java -cp "benchmarks-http/target/classes:$(cat benchmarks-http/target/classpath.txt)" \
    dev.breaker.benchmarks.slow.SlowPhaseSimulation
