package com.example.garmentclassifier.inference.engine;

/** Height, width and channels of one network input image. */
public record ImageShape(int height, int width, int channels) {

    /** Fashion-MNIST's 28x28 grayscale. */
    public static final ImageShape GARMENT = new ImageShape(28, 28, 1);

    public int pixels() {
        return height * width * channels;
    }
}
