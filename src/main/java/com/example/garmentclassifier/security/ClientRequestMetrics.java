package com.example.garmentclassifier.security;

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
    /** Per client, its counter for each outcome (by ordinal), registered on first use; no allocation after that. */
    private final Map<String, Counter[]> counters = new ConcurrentHashMap<>();

    ClientRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String client, Outcome outcome) {
        Counter[] byOutcome = counters.computeIfAbsent(client, name -> new Counter[Outcome.values().length]);
        Counter counter = byOutcome[outcome.ordinal()];
        if (counter == null) {
            // Two threads may both get here; the registry hands both the same counter.
            counter = Counter.builder("classifier.client.requests")
                    .description("/classify requests by client and outcome")
                    .tag("client", client).tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
            byOutcome[outcome.ordinal()] = counter;
        }
        counter.increment();
    }
}
