package com.example.garmentclassifier.training;

/** The two halves of Fashion-MNIST as published, with their IDX file names. */
public enum FashionMnistSplit {
    TRAIN("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
    TEST("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    private final String imagesFile;
    private final String labelsFile;

    FashionMnistSplit(String imagesFile, String labelsFile) {
        this.imagesFile = imagesFile;
        this.labelsFile = labelsFile;
    }

    public String imagesFile() {
        return imagesFile;
    }

    public String labelsFile() {
        return labelsFile;
    }
}
