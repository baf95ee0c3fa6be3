package com.example.garmentclassifier.inference.serving;

import com.example.garmentclassifier.inference.engine.InferenceEngine;
import com.example.garmentclassifier.store.ModelMetadata;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One model version in memory, with the engine that serves it. Requests lease the model
 * ({@link #tryAcquire()} / {@link #releaseLease()}); once it is retired after a swap, its engine
 * is closed when the last lease ends, never under a running request.
 */
public class LoadedModel {

    private final ModelMetadata metadata;
    private final InferenceEngine engine;
    private final EngineSelection selection;
    private final AtomicInteger leases = new AtomicInteger();
    private final AtomicBoolean retired = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param engine mirror-averaged, as every version is served and evaluated */
    public LoadedModel(ModelMetadata metadata, InferenceEngine engine, EngineSelection selection) {
        this.metadata = metadata;
        this.engine = engine;
        this.selection = selection;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public String version() {
        return metadata.version();
    }

    /** Which engine serves this version and why. */
    public EngineSelection engine() {
        return selection;
    }

    /** Class probabilities (mirror-averaged), one row per image; callers hold a lease. */
    public float[][] predict(float[][] images) {
        if (closed.get()) {
            throw new IllegalStateException("model " + version() + " was released");
        }
        return engine.predict(images);
    }

    boolean tryAcquire() {
        leases.incrementAndGet();
        if (retired.get()) {
            releaseLease();
            return false;
        }
        return true;
    }

    void releaseLease() {
        if (leases.decrementAndGet() == 0 && retired.get()) {
            close();
        }
    }

    /** No new leases; memory is freed as soon as current ones end. */
    void retire() {
        retired.set(true);
        if (leases.get() == 0) {
            close();
        }
    }

    /** Frees the engine now; for a model that was loaded but never served. */
    public void discard() {
        close();
    }

    private void close() {
        if (closed.compareAndSet(false, true)) {
            engine.close();
        }
    }
}
