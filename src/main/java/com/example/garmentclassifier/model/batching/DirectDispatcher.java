package com.example.garmentclassifier.model.batching;

import com.example.garmentclassifier.model.LoadedModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.CompletableFuture;

/** Batching switched off: each request's images run as their own engine call on the request's thread. */
public class DirectDispatcher implements InferenceDispatcher {

    private final MeterRegistry registry;

    public DirectDispatcher(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public CompletableFuture<float[][]> submit(LoadedModel model, float[][] images) {
        Timer.Sample sample = Timer.start(registry);
        try {
            float[][] probabilities = model.predict(images);
            sample.stop(BatchMetrics.engineTimer(registry, model.engine().engine()));
            BatchMetrics.batchSize(registry).record(images.length);
            return CompletableFuture.completedFuture(probabilities);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        // nothing queued: requests run on their own threads, which the web server drains
    }
}
