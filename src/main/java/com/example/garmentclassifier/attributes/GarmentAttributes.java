package com.example.garmentclassifier.attributes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Colours and pattern read from the upload itself. */
public record GarmentAttributes(
        @Schema(description = "The most common colour (the first of colours)") ColourShare colour,
        @Schema(description = "Up to 3 dominant colours, most common first") List<ColourShare> colours,
        PatternScore pattern) {
}
