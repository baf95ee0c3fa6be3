package com.example.garmentclassifier.attributes;

import io.swagger.v3.oas.annotations.media.Schema;

/** The garment's pattern and how clearly the texture showed it. */
public record PatternScore(
        @Schema(allowableValues = {"solid", "striped", "checked", "printed"}, example = "striped") String value,
        @Schema(description = "Strength of the evidence, 0-1", example = "0.87") double score) {
}
