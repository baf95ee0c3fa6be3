package com.example.garmentclassifier.inference.batching;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The inference meters, registered once: recording on every engine call must not pay for a meter
 * lookup (builder, tags, registry map) each time.
 */
final class BatchMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary batchSize;
    private final Timer queueWait;
    private final Map<String, Timer> engineTimers = new ConcurrentHashMap<>();

    BatchMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder("classifier.inference.batch.size")
                .description("Images per engine call (before mirroring)").baseUnit("images")
                .publishPercentileHistogram().maximumExpectedValue(256.0).register(registry);
        this.queueWait = Timer.builder("classifier.inference.queue.wait")
                .description("From a request's arrival in the queue until its first images start in a batch")
                .publishPercentileHistogram().register(registry);
    }

    Timer queueWait() {
        return queueWait;
    }

    /** One engine call of {@code images} images on {@code engine} that took {@code nanos}. */
    void engineCall(String engine, long nanos, int images) {
        engineTimers.computeIfAbsent(engine, name -> Timer.builder("classifier.inference.engine")
                        .description("Time of one engine call (a batch, both mirror views)")
                        .tag("engine", name).publishPercentileHistogram().register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
        batchSize.record(images);
    }
}
