package com.example.garmentclassifier.inference.batching;

import com.example.garmentclassifier.inference.serving.LoadedModel;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Images of several jobs for one engine call, and where each job's rows go back. */
final class Batch {

    /** Images {@code [first, first + count)} of {@code job} sit at {@code offset} in the batch. */
    private record Slice(InferenceJob job, int first, int offset, int count) {
    }

    final LoadedModel model;
    private final int capacity;
    private final List<Slice> slices = new ArrayList<>();
    private int size;

    Batch(LoadedModel model, int capacity) {
        this.model = model;
        this.capacity = capacity;
    }

    int size() {
        return size;
    }

    boolean full() {
        return size >= capacity;
    }

    /** Takes as many of the job's remaining images as fit. */
    void add(InferenceJob job, Timer queueWait) {
        if (!job.started()) {
            queueWait.record(System.nanoTime() - job.arrivedNanos, TimeUnit.NANOSECONDS);
        }
        int count = Math.min(job.remaining(), capacity - size);
        slices.add(new Slice(job, job.take(count), size, count));
        size += count;
    }

    float[][] images() {
        float[][] images = new float[size][];
        for (Slice slice : slices) {
            System.arraycopy(slice.job().images, slice.first(), images, slice.offset(), slice.count());
        }
        return images;
    }

    void deliver(float[][] probabilities) {
        for (Slice slice : slices) {
            slice.job().deliver(slice.first(), probabilities, slice.offset(), slice.count());
        }
    }

    /** An engine failure fails every request in the batch, and only those. */
    void fail(RuntimeException cause) {
        for (Slice slice : slices) {
            slice.job().fail(cause);
        }
    }
}
