package com.example.garmentclassifier.model.onnx;

/** What one example looks like between two layers of the exported graph. */
sealed interface LayerShape {

    /** Channels-first image features, as the graph keeps them between convolutional layers. */
    record FeatureMap(int channels, int height, int width) implements LayerShape {
        int size() {
            return channels * height * width;
        }
    }

    /** One row of features, as dense layers take and produce them. */
    record FeatureVector(int size) implements LayerShape {
    }
}
