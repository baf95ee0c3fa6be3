package com.example.garmentclassifier.inference.batching;

import com.example.garmentclassifier.inference.serving.LoadedModel;
import java.util.concurrent.CompletableFuture;

/**
 * One request's images on their way through the batcher. Results are written into this job's own
 * rows and complete this job's own future, so they can never reach another request. A job larger
 * than the room left in a batch is taken in parts; only the batch worker touches {@link #taken}
 * and {@link #done}.
 */
final class InferenceJob {

    final LoadedModel model;
    final float[][] images;
    final long arrivedNanos;
    final CompletableFuture<float[][]> result = new CompletableFuture<>();
    private final float[][] probabilities;
    private int taken;
    private int done;

    InferenceJob(LoadedModel model, float[][] images, long arrivedNanos) {
        this.model = model;
        this.images = images;
        this.arrivedNanos = arrivedNanos;
        this.probabilities = new float[images.length][];
    }

    boolean started() {
        return taken > 0;
    }

    int remaining() {
        return images.length - taken;
    }

    /** Marks the next {@code count} images as taken into a batch; returns the index of the first. */
    int take(int count) {
        int first = taken;
        taken += count;
        return first;
    }

    /** Stores the rows for images {@code [first, first + rows.length)}; completes the future with the last ones. */
    void deliver(int first, float[][] rows, int rowOffset, int count) {
        System.arraycopy(rows, rowOffset, probabilities, first, count);
        done += count;
        if (done == images.length) {
            result.complete(probabilities);
        }
    }

    void fail(Throwable cause) {
        result.completeExceptionally(cause);
    }
}
