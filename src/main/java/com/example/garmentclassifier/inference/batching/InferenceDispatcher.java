package com.example.garmentclassifier.inference.batching;

import com.example.garmentclassifier.inference.serving.LoadedModel;
import java.util.concurrent.CompletableFuture;

/**
 * Where a request's prepared images go to be classified. The caller holds a lease on {@code model}
 * until the returned future completes, so the model cannot be freed under the computation, and
 * every result comes from the version the request leased.
 */
public interface InferenceDispatcher extends AutoCloseable {

    /**
     * @return one row of probabilities per image, in order; completes exceptionally with
     *         {@link InferenceOverloadedException} at once when no more work can be queued
     */
    CompletableFuture<float[][]> submit(LoadedModel model, float[][] images);

    /** Stops accepting work, finishes what was accepted, then stops. */
    @Override
    void close();
}
