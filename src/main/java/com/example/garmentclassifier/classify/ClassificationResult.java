package com.example.garmentclassifier.classify;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** The model's answer for one upload. */
public record ClassificationResult(
        @Schema(description = "File name as uploaded (or the filename query parameter for a raw body)", example = "shirt.jpg")
        String file,
        @Schema(description = "Most likely garment category", example = "Shirt")
        String label,
        @Schema(description = "Index of the label in /classes", example = "6")
        int classIndex,
        @Schema(description = "Probability of the label", example = "0.91")
        double confidence,
        @Schema(description = "Probability of every label, in class-index order; sums to 1",
                example = "{\"T-shirt/top\": 0.04, \"Trouser\": 0.0, \"Pullover\": 0.02, \"Dress\": 0.0, \"Coat\": 0.03,"
                        + " \"Sandal\": 0.0, \"Shirt\": 0.91, \"Sneaker\": 0.0, \"Bag\": 0.0, \"Ankle boot\": 0.0}")
        Map<String, Double> probabilities) {
}
