package com.example.garmentclassifier.model;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One model version in memory. {@link MultiLayerNetwork} is not thread-safe, so forward
 * passes are serialised here; each call runs a whole request's images as one batch.
 *
 * <p>Requests lease the model ({@link #tryAcquire()} / {@link #releaseLease()}); once it is
 * retired after a swap, its native memory is freed when the last lease ends, never under a
 * running request.
 */
public class LoadedModel {

    private final ModelMetadata metadata;
    private final MultiLayerNetwork network;
    private final AtomicInteger leases = new AtomicInteger();
    private final AtomicBoolean retired = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    public LoadedModel(ModelMetadata metadata, MultiLayerNetwork network) {
        this.metadata = metadata;
        this.network = network;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public String version() {
        return metadata.version();
    }

    /**
     * The network itself, for training a private copy (warm start). Never pass the serving
     * instance's network to anything that changes it.
     */
    public MultiLayerNetwork network() {
        return network;
    }

    /** Class probabilities (mirror-averaged), one row per input image; input is [n, 28, 28, 1] in [0, 1]. */
    public float[][] predict(INDArray features) {
        INDArray output;
        synchronized (network) {
            if (closed.get()) {
                throw new IllegalStateException("model " + version() + " was released");
            }
            output = MirrorAveragedInference.probabilities(network, features);
        }
        return output.toFloatMatrix();
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

    private void close() {
        if (closed.compareAndSet(false, true)) {
            synchronized (network) {
                network.close();
            }
        }
    }
}
