package com.example.garmentclassifier.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.garmentclassifier.inference.batching.DirectDispatcher;
import com.example.garmentclassifier.inference.batching.InferenceDispatcher;
import com.example.garmentclassifier.inference.engine.InferenceEngine;
import com.example.garmentclassifier.inference.serving.EngineSelection;
import com.example.garmentclassifier.inference.serving.LoadedModel;
import com.example.garmentclassifier.inference.serving.ModelHolder;
import com.example.garmentclassifier.inference.serving.ModelUnavailableException;
import com.example.garmentclassifier.store.ModelMetadata;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The lease around a prediction: it is taken on the serving version and always ends, so a version swapped out
 * meanwhile is freed (its engine closed) as soon as the swap happens, whatever failed.
 */
class PredictorTest {

    private static final float[][] ONE_IMAGE = {{0.5f}};

    private final ModelHolder holder = new ModelHolder();
    private final InferenceDispatcher direct = new DirectDispatcher(new SimpleMeterRegistry());

    @Test
    void answersWithTheServingVersionsProbabilitiesAndWhatWasDoneAlongside() {
        holder.swap(model("v1", new Fixed(null)));

        Prediction<String> prediction = new Predictor(holder, direct).predict(ONE_IMAGE, Predictor.ANY_VERSION,
                failed -> failed.getAsBoolean() ? "failed" : "attributes");

        assertThat(prediction.version()).isEqualTo("v1");
        assertThat(prediction.engine().engine()).isEqualTo("fixed");
        assertThat(prediction.probabilities()).isDeepEqualTo(new float[][] {{0.25f, 0.75f}});
        assertThat(prediction.alongside()).isEqualTo("attributes");
    }

    @Test
    void noServingVersionIsRefusedAsUnavailable() {
        holder.markUnavailable("nothing trained");
        assertThatThrownBy(() -> new Predictor(holder, direct).predict(ONE_IMAGE, Predictor.ANY_VERSION))
                .isInstanceOf(ModelUnavailableException.class).hasMessage("nothing trained");
    }

    @Test
    void aVersionTheCallerRefusesComputesNothingAndIsReleased() {
        Fixed engine = new Fixed(null);
        holder.swap(model("v1", engine));

        assertThatThrownBy(() -> new Predictor(holder, direct).predict(ONE_IMAGE, serving -> {
            throw new IllegalArgumentException("not " + serving.version());
        })).hasMessage("not v1");

        assertThat(engine.calls).hasValue(0);
        holder.swap(model("v2", new Fixed(null)));
        assertThat(engine.closed).as("freed at the swap: no lease was left behind").isTrue();
    }

    @Test
    void anEngineFailureReachesTheCallerAsRaisedAndTheLeaseEnds() {
        Fixed engine = new Fixed(new IllegalStateException("engine broke"));
        holder.swap(model("v1", engine));

        assertThatThrownBy(() -> new Predictor(holder, direct).predict(ONE_IMAGE, Predictor.ANY_VERSION))
                .isInstanceOf(IllegalStateException.class).hasMessage("engine broke");

        holder.swap(model("v2", new Fixed(null)));
        assertThat(engine.closed).isTrue();
    }

    @Test
    void theLeaseOutlivesTheComputationWhenTheWorkAlongsideFails() {
        Fixed engine = new Fixed(null);
        holder.swap(model("v1", engine));
        CompletableFuture<float[][]> pending = new CompletableFuture<>();
        AtomicBoolean swappedWhileComputing = new AtomicBoolean();
        InferenceDispatcher later = new InferenceDispatcher() {
            @Override
            public CompletableFuture<float[][]> submit(LoadedModel model, float[][] images) {
                // The engine answers only after the work alongside has failed, and after a swap.
                CompletableFuture.runAsync(() -> {
                    holder.swap(model("v2", new Fixed(null)));
                    swappedWhileComputing.set(!engine.closed);
                    pending.complete(model.predict(images));
                });
                return pending;
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> new Predictor(holder, later).predict(ONE_IMAGE, Predictor.ANY_VERSION, failed -> {
            throw new IllegalStateException("attributes broke");
        })).hasMessage("attributes broke");

        assertThat(pending).isDone();
        assertThat(swappedWhileComputing).as("still leased while the engine computed").isTrue();
        assertThat(engine.calls).hasValue(1);
        assertThat(engine.closed).as("freed once the computation ended").isTrue();
    }

    private static LoadedModel model(String version, InferenceEngine engine) {
        ModelMetadata metadata = new ModelMetadata(version, Instant.now(), "test", 0, List.of("a", "b"), null, null,
                null, null, null, null, null, null, null);
        return new LoadedModel(metadata, engine, new EngineSelection(engine.name(), "test", null));
    }

    /** Answers (0.25, 0.75) for every image, or fails as told; counts its calls and remembers being closed. */
    private static final class Fixed implements InferenceEngine {

        private final RuntimeException failure;
        private final AtomicInteger calls = new AtomicInteger();
        private volatile boolean closed;

        Fixed(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public float[][] predict(float[][] images) {
            calls.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            float[][] out = new float[images.length][];
            for (int i = 0; i < images.length; i++) {
                out[i] = new float[] {0.25f, 0.75f};
            }
            return out;
        }

        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
