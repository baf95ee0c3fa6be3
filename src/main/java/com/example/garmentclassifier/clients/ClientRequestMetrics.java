package com.example.garmentclassifier.clients;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code classifier.client.requests{client, outcome}}: /classify requests per client and whether
 * they were let through, refused for their key or refused by the rate limit. Unknown keys count
 * under the client "unknown", so a caller cannot grow the metric by inventing keys.
 */
class ClientRequestMetrics {

    enum Outcome { ACCEPTED, RATE_LIMITED, UNAUTHENTICATED }

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    ClientRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String client, Outcome outcome) {
        String outcomeTag = outcome.name().toLowerCase(java.util.Locale.ROOT);
        counters.computeIfAbsent(client + '\u0000' + outcomeTag, key -> Counter.builder("classifier.client.requests")
                .description("/classify requests by client and outcome")
                .tag("client", client).tag("outcome", outcomeTag)
                .register(registry)).increment();
    }
}
