package com.example.garmentclassifier.model.batching;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The inference meters, named once for both dispatchers (Micrometer returns the registered meter on reuse). */
final class BatchMetrics {

    private BatchMetrics() {
    }

    static Timer engineTimer(MeterRegistry registry, String engine) {
        return Timer.builder("classifier.inference.engine")
                .description("Time of one engine call (a batch, both mirror views)")
                .tag("engine", engine).publishPercentileHistogram().register(registry);
    }

    static DistributionSummary batchSize(MeterRegistry registry) {
        return DistributionSummary.builder("classifier.inference.batch.size")
                .description("Images per engine call (before mirroring)").baseUnit("images")
                .publishPercentileHistogram().maximumExpectedValue(256.0).register(registry);
    }

    static Timer queueWait(MeterRegistry registry) {
        return Timer.builder("classifier.inference.queue.wait")
                .description("From a request's arrival in the queue until its first images start in a batch")
                .publishPercentileHistogram().register(registry);
    }
}
