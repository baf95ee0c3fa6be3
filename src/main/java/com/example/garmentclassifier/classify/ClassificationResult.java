package com.example.garmentclassifier.classify;

import io.swagger.v3.oas.annotations.media.Schema;
import com.example.garmentclassifier.attributes.GarmentAttributes;
import com.fasterxml.jackson.annotation.JsonInclude;
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
        Map<String, Double> probabilities,
        @Schema(description = "Colours and pattern read from the upload; null when not requested or when no garment"
                + " could be separated from the background (see attributesNote)")
        GarmentAttributes attributes,
        @Schema(description = "Why attributes is null", example = "no garment could be separated from the background")
        @JsonInclude(JsonInclude.Include.NON_NULL) String attributesNote,
        @Schema(description = "Draft listing title: colour, pattern (unless solid) and label; null when attributes=false"
                + " or when no garment was found (needsReview)",
                example = "Navy striped T-shirt/top")
        String title,
        @Schema(description = "Draft listing description in plain sentences, from the category, colours and pattern;"
                + " ends with 'Needs review: ...' when needsReview; null when attributes=false or no garment was found",
                example = "A navy striped T-shirt or top. Secondary colour: white.")
        String description,
        @Schema(description = "Whether a person should check this result before it is listed: no garment was found"
                + " in the upload, or the top probability is under classifier.review-threshold (default 0.7)")
        boolean needsReview,
        @Schema(description = "Why needsReview is true; absent when it is false",
                example = "the category is uncertain (62 % confident, under 70 %)")
        @JsonInclude(JsonInclude.Include.NON_NULL) String reviewReason) {
}
