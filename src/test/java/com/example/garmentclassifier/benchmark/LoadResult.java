package com.example.garmentclassifier.benchmark;

import java.util.Map;

/**
 * What one cell of the matrix measured: one body, a fixed number of closed-loop clients, over the
 * measured window only (warm-up excluded). Requests count when their response arrived inside the window.
 *
 * @param body              {@link BenchmarkBody#name()}
 * @param clients           concurrent clients, each with one request in flight
 * @param seconds           length of the measured window
 * @param requests          responses received in the window, any status
 * @param requestsPerSecond {@code requests / seconds}
 * @param imagesPerSecond   images classified per second: 200 responses times images per request
 * @param p50Ms             median latency, send to last response byte, over all responses
 * @param p95Ms             95th percentile latency
 * @param p99Ms             99th percentile latency
 * @param maxMs             slowest response
 * @param errors            non-200 responses plus requests that failed with an exception
 * @param outcomes          count per HTTP status ("200") or exception class ("HttpTimeoutException")
 * @param clientCpuCores    CPU the benchmark JVM used in the window, in cores (CPU seconds per second)
 * @param serverCpuCores    CPU the service used in the window, in cores
 * @param sampleLimitHit    a client filled its latency buffer and stopped early: throughput is understated
 */
public record LoadResult(String body, int clients, double seconds, long requests, double requestsPerSecond,
                         double imagesPerSecond, double p50Ms, double p95Ms, double p99Ms, double maxMs,
                         long errors, Map<String, Long> outcomes, double clientCpuCores, double serverCpuCores,
                         boolean sampleLimitHit) {
}
