#!/usr/bin/env bash
# Cold start: whole-process time from JVM start to the first successful get, per contender, timed by
# hyperfine against one canned server. Run from the repository root after building benchmarks.jar:
#   images-benchmarks/cold-start.sh            (RUNS=20 PORT=18080 to change the defaults)
# Each run is a fresh `java -cp benchmarks.jar ...ColdStart <contender> <baseUri>`: build the client,
# one get, exit. The generated contender is included when the jar was built with -Pgenerated.
set -euo pipefail
JAR=${JAR:-images-benchmarks/target/benchmarks.jar}
PORT=${PORT:-18080}
RUNS=${RUNS:-20}
PKG=io.github.contabo4j.images.benchmarks
BASE="http://127.0.0.1:${PORT}"

command -v hyperfine > /dev/null || { echo "hyperfine is missing (apt-get install hyperfine)" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: build it first (see docs/PERFORMANCE.md)" >&2; exit 1; }

java -cp "$JAR" "$PKG.CannedServer" "$PORT" > /dev/null &
SERVER=$!
trap 'kill "$SERVER"' EXIT
for _ in $(seq 100); do
  (exec 3<> "/dev/tcp/127.0.0.1/${PORT}") 2> /dev/null && break
  sleep 0.1
done

CONTENDERS="raw rawhc5 jdk feign"
if jar tf "$JAR" | grep -q 'generatedclient/GeneratedContender.class'; then
  CONTENDERS="$CONTENDERS generated"
fi
ARGS=()
for c in $CONTENDERS; do
  ARGS+=(-n "$c" "java -cp $JAR $PKG.ColdStart $c $BASE")
done
mkdir -p images-benchmarks/target
hyperfine -N --warmup 3 --runs "$RUNS" --export-markdown images-benchmarks/target/cold-start.md "${ARGS[@]}"
