package com.example.garmentclassifier.attributes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;

/** How long the garment's sleeves are, read from its silhouette, and how clearly the silhouette showed it. */
public record SleeveLength(
        @Schema(allowableValues = {"sleeveless", "short", "long"}, example = "short") String value,
        @Schema(description = "Strength of the evidence, 0.5 (borderline) to 1", example = "0.82") double score) {

    /** The categories that have sleeves; for the others (trousers, shoes, bags) there is no sleeve length. */
    private static final Set<String> SLEEVED = Set.of("T-shirt/top", "Pullover", "Dress", "Coat", "Shirt");

    public static boolean appliesTo(String label) {
        return SLEEVED.contains(label);
    }
}
