package com.example.garmentclassifier.benchmark;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * One load cell against a service that is already running (loopback only), e.g. to check a
 * deployment's settings or to measure while a training job runs:
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.example.garmentclassifier.benchmark.LoadProbe \
 *   -Dexec.args="http://127.0.0.1:8080 png 16 10"
 * </pre>
 * Arguments: base URL, body ({@code png}, {@code jpeg} or {@code multipart}), concurrent clients,
 * measured seconds (after 3 s of warm-up).
 */
public final class LoadProbe {

    private LoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        BenchmarkBody body = switch (args.length > 1 ? args[1] : "png") {
            case "png" -> BenchmarkBodies.fashionMnistPng();
            case "jpeg" -> BenchmarkBodies.cataloguePhotoJpeg();
            case "multipart" -> BenchmarkBodies.multipartOf64Pngs();
            default -> throw new IllegalArgumentException("body must be png, jpeg or multipart");
        };
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        LoadResult cell = new HttpLoadGenerator(base, () -> Duration.ZERO)
                .run(body, clients, Duration.ofSeconds(3), Duration.ofSeconds(seconds));
        System.out.printf(Locale.ROOT, "%s, %d clients: %.1f req/s, %.1f images/s, p50 %.1f ms, p95 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms, errors %d %s%n", body.name(), clients, cell.requestsPerSecond(),
                cell.imagesPerSecond(), cell.p50Ms(), cell.p95Ms(), cell.p99Ms(), cell.maxMs(), cell.errors(),
                cell.errors() > 0 ? cell.outcomes() : "");
        System.exit(0);
    }
}
