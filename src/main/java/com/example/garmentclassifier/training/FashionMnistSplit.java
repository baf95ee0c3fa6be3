package com.example.garmentclassifier.training;

/** The two halves of Fashion-MNIST as published, with their IDX file names. */
public enum FashionMnistSplit {
    TRAIN("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", 60_000),
    TEST("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", 10_000);

    private final String imagesFile;
    private final String labelsFile;
    private final int expectedCount;

    FashionMnistSplit(String imagesFile, String labelsFile, int expectedCount) {
        this.imagesFile = imagesFile;
        this.labelsFile = labelsFile;
        this.expectedCount = expectedCount;
    }

    public String imagesFile() {
        return imagesFile;
    }

    public String labelsFile() {
        return labelsFile;
    }

    public int expectedCount() {
        return expectedCount;
    }
}
