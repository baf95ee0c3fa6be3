package com.example.garmentclassifier.classify;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Per-image cost of the request path's CPU stages, so ops can see where a request's time goes. */
public class ClassifyMetrics {

    private final Timer decode;
    private final Timer preprocess;
    private final Timer attributes;

    public ClassifyMetrics(MeterRegistry registry) {
        this.decode = stage(registry, "decode");
        this.preprocess = stage(registry, "preprocess");
        this.attributes = stage(registry, "attributes");
    }

    private static Timer stage(MeterRegistry registry, String stage) {
        return Timer.builder("classifier.classify.stage").description("Per-image time of one stage of /classify")
                .tag("stage", stage).publishPercentileHistogram().register(registry);
    }

    void stages(long decodeNanos, long preprocessNanos) {
        decode.record(decodeNanos, TimeUnit.NANOSECONDS);
        preprocess.record(preprocessNanos, TimeUnit.NANOSECONDS);
    }

    void attributes(long nanos) {
        attributes.record(nanos, TimeUnit.NANOSECONDS);
    }
}
