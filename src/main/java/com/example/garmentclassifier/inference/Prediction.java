package com.example.garmentclassifier.inference;

import com.example.garmentclassifier.inference.serving.EngineSelection;
import com.example.garmentclassifier.store.ModelMetadata;

/**
 * A request's images as the serving version answered them. It names the version rather than holding it:
 * the version's lease has ended by the time the caller reads this.
 *
 * @param metadata      the version that answered (its labels give the rows' classes)
 * @param engine        which engine computed the answer, and why that one
 * @param probabilities one row of class probabilities per image, in the order given
 * @param alongside     what the caller's own work alongside the computation gave (see {@link Predictor.Alongside})
 */
public record Prediction<T>(ModelMetadata metadata, EngineSelection engine, float[][] probabilities, T alongside) {

    public String version() {
        return metadata.version();
    }
}
