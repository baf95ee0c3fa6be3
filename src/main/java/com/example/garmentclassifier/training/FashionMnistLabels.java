package com.example.garmentclassifier.training;

import java.util.List;

/** Fashion-MNIST's class names in class-index order, as published with the data set. */
public final class FashionMnistLabels {

    public static final List<String> LABELS = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnistLabels() {
    }
}
