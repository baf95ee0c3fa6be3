package com.example.garmentclassifier.inference;

import com.example.garmentclassifier.inference.batching.InferenceDispatcher;
import com.example.garmentclassifier.inference.batching.InferenceOverloadedException;
import com.example.garmentclassifier.inference.serving.LoadedModel;
import com.example.garmentclassifier.inference.serving.ModelHolder;
import com.example.garmentclassifier.inference.serving.ModelUnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How a request's prepared images are classified, whoever asks (/classify, the inference protocol): on the
 * version serving now, leased for the whole computation so that a swap cannot free it underneath, through the
 * dispatcher that batches them with other requests' images. The lease always ends, whatever fails.
 */
public class Predictor {

    /** Lets whichever version serves answer. */
    public static final Consumer<LoadedModel> ANY_VERSION = serving -> {
    };

    private final ModelHolder models;
    private final InferenceDispatcher dispatcher;

    public Predictor(ModelHolder models, InferenceDispatcher dispatcher) {
        this.models = models;
        this.dispatcher = dispatcher;
    }

    /**
     * @param images one array per image, as {@link com.example.garmentclassifier.inference.engine.InferenceEngine}
     *               takes them
     * @param admit  looks at the leased version before any image is submitted; what it throws refuses the request,
     *               with nothing computed
     * @throws ModelUnavailableException    when no version serves
     * @throws InferenceOverloadedException when more images are waiting than may be queued, or the service is stopping
     */
    public Prediction<Void> predict(float[][] images, Consumer<LoadedModel> admit) {
        return predict(images, admit, failed -> null);
    }

    /**
     * As {@link #predict(float[][], Consumer)}, with the caller's own work done on its thread while the engine
     * computes. The lease ends only once the computation has too, even when that work fails.
     */
    public <T> Prediction<T> predict(float[][] images, Consumer<LoadedModel> admit, Alongside<T> alongside) {
        return models.withModel(model -> {
            admit.accept(model);
            CompletableFuture<float[][]> probabilities = dispatcher.submit(model, images);
            T result;
            try {
                result = alongside.run(probabilities::isCompletedExceptionally);
            } finally {
                // The lease must outlive the computation, whatever happened alongside.
                probabilities.handle((done, failure) -> null).join();
            }
            return new Prediction<>(model.metadata(), model.engine(), resultOf(probabilities),
                    result);
        });
    }

    /** The computation's rows; its failure (overloaded, say) is thrown as it was raised, not wrapped. */
    private static float[][] resultOf(CompletableFuture<float[][]> probabilities) {
        try {
            return probabilities.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Work of the caller's, done on its own thread while the engine computes (the attributes of /classify, say). */
    @FunctionalInterface
    public interface Alongside<T> {

        /** @param failed true once the computation has failed: the request fails, so the work may stop early */
        T run(BooleanSupplier failed);
    }
}
