package com.example.garmentclassifier.attributes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Colours, pattern and sleeve length read from the upload itself. */
public record GarmentAttributes(
        @Schema(description = "The most common colour (the first of colours)") ColourShare colour,
        @Schema(description = "Up to 3 dominant colours, most common first") List<ColourShare> colours,
        PatternScore pattern,
        @Schema(description = "Sleeve length from the silhouette; null for categories without sleeves (trousers,"
                + " shoes, bags), and when the silhouette cannot tell (too small, or arms lying against the body)")
        SleeveLength sleeveLength) {

    /** As shown for a garment of this category: a sleeve length only where the category has sleeves. */
    public GarmentAttributes forCategory(String label) {
        return SleeveLength.appliesTo(label) || sleeveLength == null ? this
                : new GarmentAttributes(colour, colours, pattern, null);
    }
}
