package com.example.garmentclassifier.model;

/** What one training epoch achieved. Train accuracy is measured on a fixed sample without augmentation. */
public record EpochMetrics(int epoch, double loss, double trainAccuracy, double validationAccuracy,
                           double learningRate, double seconds) {
}
