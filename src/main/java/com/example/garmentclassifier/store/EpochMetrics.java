package com.example.garmentclassifier.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What one training epoch achieved. Train accuracy is measured on a fixed sample without augmentation. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EpochMetrics(int epoch, double loss, double trainAccuracy, double validationAccuracy,
                           double learningRate, double seconds) {
}
