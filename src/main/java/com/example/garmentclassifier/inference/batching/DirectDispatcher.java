package com.example.garmentclassifier.inference.batching;

import com.example.garmentclassifier.inference.serving.LoadedModel;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletableFuture;

/** Batching switched off: each request's images run as their own engine call on the request's thread. */
public class DirectDispatcher implements InferenceDispatcher {

    private final BatchMetrics metrics;

    public DirectDispatcher(MeterRegistry registry) {
        this.metrics = new BatchMetrics(registry);
    }

    @Override
    public CompletableFuture<float[][]> submit(LoadedModel model, float[][] images) {
        long start = System.nanoTime();
        try {
            float[][] probabilities = model.predict(images);
            metrics.engineCall(model.engine().engine(), System.nanoTime() - start, images.length);
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
