package com.example.garmentclassifier.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One closed-loop client of the soak: sends its request again as soon as the last one answered,
 * until the soak ends, and keeps per-minute counts. Fields are read only after {@link Thread#join()}.
 */
final class SoakClient implements Runnable {

    static final int STATUSES = 600;
    /** Latency samples kept per client and minute; the rest are counted but not timed. */
    private static final int SAMPLES_PER_MINUTE = 4_000;
    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();
    private static final long BACKOFF_AFTER_FAILURE_MS = 50;

    private final HttpClient http;
    private final HttpRequest request;
    private final int imagesPerRequest;
    private final long start;
    private final int minutes;

    final long[][] statusCounts;
    final long[][] acceptedLatencies;
    final int[] acceptedSamples;
    final long[][] refusedLatencies;
    final int[] refusedSamples;
    final long[] imagesAccepted;
    /** 429 or 503 answers that did not say when to come back. */
    final long[] missingRetryAfter;
    final long[] failures;
    final Map<String, Long> failureKinds = new HashMap<>();

    SoakClient(HttpClient http, HttpRequest request, int imagesPerRequest, long start, int minutes) {
        this.http = http;
        this.request = request;
        this.imagesPerRequest = imagesPerRequest;
        this.start = start;
        this.minutes = minutes;
        statusCounts = new long[minutes][STATUSES];
        acceptedLatencies = new long[minutes][SAMPLES_PER_MINUTE];
        acceptedSamples = new int[minutes];
        refusedLatencies = new long[minutes][SAMPLES_PER_MINUTE];
        refusedSamples = new int[minutes];
        imagesAccepted = new long[minutes];
        missingRetryAfter = new long[minutes];
        failures = new long[minutes];
    }

    @Override
    public void run() {
        long end = start + minutes * MINUTE_NANOS;
        while (System.nanoTime() < end) {
            long sent = System.nanoTime();
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                long answered = System.nanoTime();
                int minute = minuteOf(answered);
                if (minute < 0) {
                    continue;
                }
                int status = Math.min(response.statusCode(), STATUSES - 1);
                statusCounts[minute][status]++;
                if (status == 200) {
                    imagesAccepted[minute] += imagesPerRequest;
                    record(acceptedLatencies[minute], acceptedSamples, minute, answered - sent);
                } else if (status == 429 || status == 503) {
                    record(refusedLatencies[minute], refusedSamples, minute, answered - sent);
                    if (response.headers().firstValue("Retry-After").isEmpty()) {
                        missingRetryAfter[minute]++;
                    }
                }
            } catch (IOException e) {
                int minute = minuteOf(System.nanoTime());
                if (minute >= 0) {
                    failures[minute]++;
                    failureKinds.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                }
                sleep(BACKOFF_AFTER_FAILURE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The 0-based minute an answer fell in, or -1 after the soak's end. */
    private int minuteOf(long nanoTime) {
        long minute = (nanoTime - start) / MINUTE_NANOS;
        return minute < minutes ? (int) minute : -1;
    }

    private static void record(long[] latencies, int[] samples, int minute, long nanos) {
        if (samples[minute] < latencies.length) {
            latencies[samples[minute]++] = nanos;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
