package com.example.garmentclassifier.image;

/**
 * An upload made ready for the model: 28x28 intensities in [0, 1] (row-major, garment light on
 * dark, as in Fashion-MNIST) plus the garment's foreground at working resolution.
 */
public record PreparedImage(float[] modelInput, Foreground foreground) {
}
