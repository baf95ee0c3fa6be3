package com.example.garmentclassifier.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Overload soak: the packaged service (production memory flags) under 400 closed-loop clients for
 * a few minutes, far beyond its capacity, with near-limit images mixed in and two API-key clients
 * with a rate limit low enough to be reached (12,000 requests a minute each). Passes when every answer is 200, or a deliberate 429/503 with Retry-After, no
 * connection fails, and RSS, live heap and threads in the last minute are close to the first's.
 * <pre>
 * ./mvnw -Psoak verify                       # 5 minutes
 * ./mvnw -Psoak verify -Dsoak.minutes=2
 * </pre>
 * Writes {@code target/benchmark/soak.md}; exits 1 (failing the build) when the soak fails.
 */
public final class OverloadSoak {

    /** One kind of traffic: a body, how many clients send it, and as which client (API key). */
    private record Traffic(BenchmarkBody body, int clients, String client) {
    }

    /** Growth from the first minute to the last still counted as flat: GC timing and JIT noise, not a leak. */
    private static final double MAX_RSS_GROWTH = 0.15;
    private static final double MAX_LIVE_HEAP_GROWTH = 0.25;
    private static final int MAX_THREAD_GROWTH = 10;
    private static final int REQUESTS_PER_MINUTE_PER_CLIENT = 12_000;

    private OverloadSoak() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int minutes = Integer.getInteger("soak.minutes", 5);
        Path out = Path.of(System.getProperty("benchmark.out", "target/benchmark"));
        String password = UUID.randomUUID().toString();
        List<Traffic> mix = List.of(
                new Traffic(BenchmarkBodies.fashionMnistPng(), 300, "catalogue"),
                new Traffic(BenchmarkBodies.multipartOf64Pngs(), 4, "catalogue"),
                new Traffic(BenchmarkBodies.cataloguePhotoJpeg(), 80, "studio"),
                new Traffic(BenchmarkBodies.nearPixelLimitJpeg(), 8, "studio"),
                new Traffic(BenchmarkBodies.nearByteLimitPng(), 8, "studio"));
        List<String> appArgs = List.of("--classifier.admin.password=" + password,
                "--classifier.clients.api-keys.catalogue=" + key("catalogue"),
                "--classifier.clients.api-keys.studio=" + key("studio"),
                "--classifier.clients.requests-per-minute=" + REQUESTS_PER_MINUTE_PER_CLIENT);
        try (ServiceProcess service = ServiceProcess.start(jar, out.resolve("soak-service.log"), appArgs)) {
            SoakReport report = run(service, mix, minutes, password);
            Files.createDirectories(out);
            Files.writeString(out.resolve("soak.md"), report.markdown());
            System.out.println(report.markdown());
            System.out.println("Written " + out.resolve("soak.md"));
            System.exit(report.passed() ? 0 : 1);
        }
    }

    private static SoakReport run(ServiceProcess service, List<Traffic> mix, int minutes, String password)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run)
                .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        long end = start + Duration.ofMinutes(minutes).toNanos();
        List<SoakClient> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (Traffic traffic : mix) {
            HttpRequest request = HttpRequest.newBuilder(service.baseUri().resolve("/classify"))
                    .timeout(Duration.ofSeconds(120)).header("Content-Type", traffic.body().contentType())
                    .header("X-API-Key", key(traffic.client()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(traffic.body().bytes())).build();
            for (int i = 0; i < traffic.clients(); i++) {
                SoakClient client = new SoakClient(http, request, traffic.body().imagesPerRequest(), start, minutes);
                Thread thread = new Thread(client, "soak-" + traffic.body().name() + "-" + i);
                thread.setDaemon(true);
                clients.add(client);
                threads.add(thread);
            }
        }
        threads.forEach(Thread::start);
        List<SoakReport.Sample> samples = new ArrayList<>();
        for (int minute = 1; minute <= minutes; minute++) {
            sleepUntil(start + Duration.ofMinutes(minute).toNanos() - Duration.ofSeconds(2).toNanos());
            samples.add(sample(service, password));
        }
        sleepUntil(end);
        for (Thread thread : threads) {
            thread.join();
        }
        return new SoakReport(mix.stream().map(t -> t.clients() + " x " + t.body().description() + " as " + t.client())
                .toList(), REQUESTS_PER_MINUTE_PER_CLIENT, clients, samples, MAX_RSS_GROWTH, MAX_LIVE_HEAP_GROWTH,
                MAX_THREAD_GROWTH);
    }

    /** Memory and threads near the end of a minute: /proc for the process, actuator for the heap. */
    private static SoakReport.Sample sample(ServiceProcess service, String password) {
        ProcessMemory memory = service.memory();
        double heapMb = metric(service.managementUri(), password, "jvm.memory.used?tag=area:heap") / 1e6;
        double liveMb = metric(service.managementUri(), password, "jvm.gc.live.data.size") / 1e6;
        return new SoakReport.Sample(memory.rssMb(), heapMb, liveMb, memory.threads());
    }

    private static double metric(URI management, String password, String path) {
        HttpRequest request = HttpRequest.newBuilder(management.resolve("/actuator/metrics/" + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
            return JsonMapper.builder().build().readTree(body).get("measurements").get(0).get("value").asDouble();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private static String key(String client) {
        return "soak-" + client + "-key";
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long remaining;
        while ((remaining = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, remaining / 1_000_000));
        }
    }

    /** Merges every client's per-minute counts; {@code minute} is 0-based. */
    static long[] statusCounts(List<SoakClient> clients, int minute) {
        long[] total = new long[SoakClient.STATUSES];
        for (SoakClient client : clients) {
            for (int s = 0; s < total.length; s++) {
                total[s] += client.statusCounts[minute][s];
            }
        }
        return total;
    }

    static long[] sortedLatencies(List<SoakClient> clients, int minute, boolean accepted) {
        long[] all = clients.stream().flatMapToLong(c -> Arrays.stream(
                accepted ? c.acceptedLatencies[minute] : c.refusedLatencies[minute], 0,
                accepted ? c.acceptedSamples[minute] : c.refusedSamples[minute])).toArray();
        Arrays.sort(all);
        return all;
    }

    static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
