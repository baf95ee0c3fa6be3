#!/bin/sh
# Starts the service in its container: sizes the JVM heap, ND4J's off-heap memory and the training
# child's memory from the container's memory limit, then replaces this shell with the JVM (so the JVM
# gets SIGTERM directly and shuts down gracefully). The same script runs outside a container in CI
# (.ci/container-entrypoint), with CONTAINER_MEMORY_BYTES standing in for the cgroup limit.
#
# Environment (all optional):
#   APP_JAR                 the application jar (default /opt/garment-classifier/app.jar)
#   CONTAINER_MEMORY_BYTES  the memory budget; default: the cgroup limit, else the machine's memory
#   SERVING_MEMORY_PERCENT  share of the budget the serving JVM may use as a whole (default 55)
#   TRAINING_MEMORY_PERCENT share a training child may use while a retraining job runs (default 40)
#   JAVA_OPTS               more JVM options, appended (and so taking precedence)
#   anything Spring Boot reads: CLASSIFIER_MODEL_STORE, CLASSIFIER_MODEL_STORE_SEED, SERVER_PORT, ...
set -eu

APP_JAR="${APP_JAR:-/opt/garment-classifier/app.jar}"

memory_limit_bytes() {
    if [ -n "${CONTAINER_MEMORY_BYTES:-}" ]; then
        echo "$CONTAINER_MEMORY_BYTES"
        return
    fi
    # cgroup v2, then v1 (whose "no limit" is a huge number)
    if [ -r /sys/fs/cgroup/memory.max ]; then
        limit=$(cat /sys/fs/cgroup/memory.max)
        if [ "$limit" != "max" ]; then
            echo "$limit"
            return
        fi
    fi
    if [ -r /sys/fs/cgroup/memory/memory.limit_in_bytes ]; then
        limit=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)
        if [ "$limit" -lt 4611686018427387904 ]; then
            echo "$limit"
            return
        fi
    fi
    echo "garment-classifier: no container memory limit found (set CONTAINER_MEMORY_BYTES); sizing from the" \
         "machine's memory" >&2
    awk '/^MemTotal:/ { printf "%.0f\n", $2 * 1024 }' /proc/meminfo
}

# percent_mb BYTES PERCENT -> whole megabytes
percent_mb() {
    awk -v bytes="$1" -v percent="$2" 'BEGIN { printf "%d\n", bytes * percent / 100 / 1048576 }'
}

limit=$(memory_limit_bytes)
serving=$(percent_mb "$limit" "${SERVING_MEMORY_PERCENT:-55}")
training=$(percent_mb "$limit" "${TRAINING_MEMORY_PERCENT:-40}")

# Serving: heap half its share, ND4J off-heap a fifth; the rest is ONNX Runtime, metaspace, threads and code.
# The share is ND4J's cap on the whole process (maxphysicalbytes), so a swap's model load cannot push the
# process past it. MaxRAM makes the JVM size its heap from this budget rather than from the memory it detects.
serving_heap_percent=$(awk -v s="$serving" -v l="$limit" 'BEGIN { printf "%.1f\n", s * 50 / (l / 1048576) }')
serving_offheap=$((serving * 20 / 100))

# The training child: heap 40 % of its share, ND4J off-heap 40 %, and the whole process capped at the share.
export CLASSIFIER_TRAINING_CHILDHEAP="${CLASSIFIER_TRAINING_CHILDHEAP:-$((training * 40 / 100))m}"
export CLASSIFIER_TRAINING_CHILDOFFHEAP="${CLASSIFIER_TRAINING_CHILDOFFHEAP:-$((training * 40 / 100))M}"
export CLASSIFIER_TRAINING_CHILDPHYSICALMEMORY="${CLASSIFIER_TRAINING_CHILDPHYSICALMEMORY:-${training}M}"

echo "garment-classifier: memory budget $((limit / 1048576)) MB; serving ${serving} MB" \
     "(heap ${serving_heap_percent} %, off-heap ${serving_offheap} MB); training child ${training} MB" \
     "(heap ${CLASSIFIER_TRAINING_CHILDHEAP}, off-heap ${CLASSIFIER_TRAINING_CHILDOFFHEAP})" >&2

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java \
    -XX:MaxRAM="$limit" \
    -XX:MaxRAMPercentage="$serving_heap_percent" \
    -XX:+ExitOnOutOfMemoryError \
    -Dorg.bytedeco.javacpp.maxbytes="${serving_offheap}M" \
    -Dorg.bytedeco.javacpp.maxphysicalbytes="${serving}M" \
    ${JAVA_OPTS:-} \
    -jar "$APP_JAR" "$@"
