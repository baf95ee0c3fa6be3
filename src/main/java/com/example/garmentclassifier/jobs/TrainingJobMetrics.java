package com.example.garmentclassifier.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The gauges ops watch for training: this instance's jobs by state, and how long the last one took. */
final class TrainingJobMetrics {

    private TrainingJobMetrics() {
    }

    static void register(MeterRegistry registry, Map<String, TrainingJob> jobs,
                         AtomicReference<Double> lastDurationSeconds) {
        for (JobState state : JobState.values()) {
            Gauge.builder("classifier.training.jobs", jobs, all -> all.values().stream()
                            .filter(j -> j.state() == state).count())
                    .tag("state", state.name()).description("Training jobs by state").register(registry);
        }
        Gauge.builder("classifier.training.last.duration", lastDurationSeconds, AtomicReference::get)
                .baseUnit("seconds").description("Duration of the last finished training job").register(registry);
    }
}
