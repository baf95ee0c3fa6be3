package com.example.garmentclassifier.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client name (Bucket4j): {@code requestsPerMinute} tokens, refilled evenly over
 * the minute. The set of names is bounded: configured clients, or the single anonymous one.
 */
class ClientRateLimits {

    private final int requestsPerMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param requestsPerMinute 0 = no limit */
    ClientRateLimits(int requestsPerMinute) {
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("classifier.clients.requests-per-minute must be 0 (no limit) or more");
        }
        this.requestsPerMinute = requestsPerMinute;
    }

    /** Takes one request from the client's allowance; empty if granted, else the seconds until one is free. */
    OptionalLong acquire(String client) {
        if (requestsPerMinute == 0) {
            return OptionalLong.empty();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(client, name -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(requestsPerMinute)
                        .refillGreedy(requestsPerMinute, Duration.ofMinutes(1)).build())
                .build()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        // Rounded up: a client that waits exactly this long finds a token.
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
