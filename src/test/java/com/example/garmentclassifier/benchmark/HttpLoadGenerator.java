package com.example.garmentclassifier.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Closed-loop HTTP load on POST /classify of a loopback service: N client threads, each sending
 * the next request as soon as the previous one answered, for a warm-up then a measured window.
 * <p>
 * Kept lean because it shares the machine's cores with the service: one immutable request per
 * cell re-sent by every client (its body array is never copied), responses discarded unread,
 * latencies written into a per-client preallocated {@code long[]} and merged after the cell.
 */
public final class HttpLoadGenerator {

    /** Latency samples per cell, split between clients: bounds memory (8 MB) and request count. */
    private static final int SAMPLE_BUDGET = 1_000_000;
    private static final int MIN_SAMPLES_PER_CLIENT = 10_000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    /** After a failed request: stops a dead service from turning a client into a busy loop. */
    private static final long BACKOFF_AFTER_FAILURE_MS = 10;
    private static final HttpResponse.BodyHandler<Void> DISCARD = HttpResponse.BodyHandlers.discarding();

    private final URI classifyUri;
    private final Supplier<Duration> serverCpuTime;

    /**
     * @param baseUri       the service, which must be on a loopback address
     * @param serverCpuTime the service's CPU time so far, sampled at the window's edges
     */
    public HttpLoadGenerator(URI baseUri, Supplier<Duration> serverCpuTime) throws IOException {
        if (!InetAddress.getByName(baseUri.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("benchmarks run against loopback only, not " + baseUri);
        }
        this.classifyUri = baseUri.resolve("/classify");
        this.serverCpuTime = serverCpuTime;
    }

    /** Runs one cell; blocks for {@code warmUp + measured} plus the last in-flight requests. */
    public LoadResult run(BenchmarkBody body, int clients, Duration warmUp, Duration measured)
            throws InterruptedException {
        // One client shared by all threads (it pools a connection per thread): measured against one client per
        // thread at 1-64 clients, neither was faster nor cheaper in CPU, and sharing keeps one selector thread.
        // Same-thread executor: completions run on the selector thread instead of hopping to a pool thread and
        // back, which halved the generator's CPU per request (about 0.07 instead of 0.12 ms for the PNG body).
        // A fresh client per cell so no cell inherits another's connections.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run)
                .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(classifyUri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
        long windowStart = System.nanoTime() + warmUp.toNanos();
        long windowEnd = windowStart + measured.toNanos();
        int capacity = Math.max(MIN_SAMPLES_PER_CLIENT, SAMPLE_BUDGET / clients);
        ClientLoop[] loops = new ClientLoop[clients];
        Thread[] threads = new Thread[clients];
        for (int i = 0; i < clients; i++) {
            loops[i] = new ClientLoop(http, request, windowStart, windowEnd, capacity);
            threads[i] = new Thread(loops[i], "load-" + body.name() + "-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        Duration clientCpuAtStart = sleepUntilThenSampleOwnCpu(windowStart);
        Duration serverCpuAtStart = serverCpuTime.get();
        Duration clientCpuAtEnd = sleepUntilThenSampleOwnCpu(windowEnd);
        Duration serverCpuAtEnd = serverCpuTime.get();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = measured.toNanos() / 1e9;
        return summarise(body, loops, seconds,
                cores(clientCpuAtStart, clientCpuAtEnd, seconds), cores(serverCpuAtStart, serverCpuAtEnd, seconds));
    }

    private static Duration sleepUntilThenSampleOwnCpu(long nanoTime) throws InterruptedException {
        long remaining;
        while ((remaining = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
        }
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double cores(Duration from, Duration to, double seconds) {
        return to.minus(from).toNanos() / 1e9 / seconds;
    }

    private static LoadResult summarise(BenchmarkBody body, ClientLoop[] loops, double seconds,
                                        double clientCores, double serverCores) {
        int total = 0;
        for (ClientLoop loop : loops) {
            total += loop.samples;
        }
        long[] latencies = new long[total];
        int offset = 0;
        long ok = 0;
        long errors = 0;
        boolean limitHit = false;
        Map<String, Long> outcomes = new TreeMap<>();
        for (ClientLoop loop : loops) {
            System.arraycopy(loop.latencies, 0, latencies, offset, loop.samples);
            offset += loop.samples;
            limitHit |= loop.samples == loop.latencies.length;
            for (int status = 0; status < loop.statusCounts.length; status++) {
                if (loop.statusCounts[status] > 0) {
                    outcomes.merge(Integer.toString(status), loop.statusCounts[status], Long::sum);
                    if (status == 200) {
                        ok += loop.statusCounts[status];
                    } else {
                        errors += loop.statusCounts[status];
                    }
                }
            }
            for (Map.Entry<String, Long> failure : loop.failures.entrySet()) {
                outcomes.merge(failure.getKey(), failure.getValue(), Long::sum);
                errors += failure.getValue();
            }
        }
        Arrays.sort(latencies);
        return new LoadResult(body.name(), loops.length, seconds, total, total / seconds,
                ok * body.imagesPerRequest() / seconds, percentileMs(latencies, 50), percentileMs(latencies, 95),
                percentileMs(latencies, 99), total == 0 ? 0 : latencies[total - 1] / 1e6, errors, outcomes,
                clientCores, serverCores, limitHit);
    }

    /** Nearest-rank percentile of sorted nanosecond latencies, in milliseconds. */
    private static double percentileMs(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /**
     * One client: sends until the window closes and records responses that arrive inside it.
     * Fields are read by the coordinating thread only after {@link Thread#join()}.
     */
    private static final class ClientLoop implements Runnable {

        private final HttpClient http;
        private final HttpRequest request;
        private final long windowStart;
        private final long windowEnd;
        private final long[] latencies;
        /** Indexed by HTTP status code. */
        private final long[] statusCounts = new long[600];
        /** Exceptions by class name; touched only on failure, so no allocation on the normal path. */
        private final Map<String, Long> failures = new HashMap<>();
        private int samples;

        ClientLoop(HttpClient http, HttpRequest request, long windowStart, long windowEnd, int capacity) {
            this.http = http;
            this.request = request;
            this.windowStart = windowStart;
            this.windowEnd = windowEnd;
            this.latencies = new long[capacity];
        }

        @Override
        public void run() {
            while (System.nanoTime() < windowEnd && samples < latencies.length) {
                long sent = System.nanoTime();
                try {
                    int status = http.send(request, DISCARD).statusCode();
                    long answered = System.nanoTime();
                    if (answered >= windowStart && answered < windowEnd) {
                        latencies[samples++] = answered - sent;
                        statusCounts[Math.min(status, statusCounts.length - 1)]++;
                    }
                } catch (IOException e) {
                    long failed = System.nanoTime();
                    if (failed >= windowStart && failed < windowEnd) {
                        failures.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                    }
                    backOff();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private static void backOff() {
            try {
                Thread.sleep(BACKOFF_AFTER_FAILURE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
