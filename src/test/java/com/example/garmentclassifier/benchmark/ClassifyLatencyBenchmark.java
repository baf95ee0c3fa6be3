package com.example.garmentclassifier.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Latency of POST /classify against a running service (loopback only), for the README and
 * issue notes; never part of the test suite.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.example.garmentclassifier.benchmark.ClassifyLatencyBenchmark \
 *   -Dexec.args="http://localhost:8080 src/test/resources/fashion-mnist/test-00000.png 400 2"
 * </pre>
 * Arguments: base URL, image file, number of requests, concurrent clients. Prints p50, p90,
 * p99, mean and throughput; the first 20 requests are warm-up and not counted.
 */
public final class ClassifyLatencyBenchmark {

    private static final int WARM_UP = 20;

    private ClassifyLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        Path image = Path.of(args.length > 1 ? args[1] : "src/test/resources/fashion-mnist/test-00000.png");
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1|\\[::1\\]")) {
            throw new IllegalArgumentException("benchmarks run against loopback only");
        }
        byte[] body = Files.readAllBytes(image);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/classify"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        for (int i = 0; i < WARM_UP; i++) {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        int[] errors = {0};
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < requests / clients; i++) {
                    long t = System.nanoTime();
                    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    latencies.add(System.nanoTime() - t);
                    if (response.statusCode() != 200) {
                        synchronized (errors) {
                            errors[0]++;
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("requests %d, clients %d, errors %d%n", sorted.size(), clients, errors[0]);
        System.out.printf("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, mean %.1f ms, %.1f requests/s%n",
                ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(percentile(sorted, 99)),
                ms((long) sorted.stream().mapToLong(Long::longValue).average().orElse(0)), sorted.size() / seconds);
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
