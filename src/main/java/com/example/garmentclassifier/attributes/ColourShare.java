package com.example.garmentclassifier.attributes;

import io.swagger.v3.oas.annotations.media.Schema;

/** One dominant colour of the garment: its catalogue name, its measured mean colour and its share of garment pixels. */
public record ColourShare(
        @Schema(example = "navy") String name,
        @Schema(example = "#1f2a44") String hex,
        @Schema(example = "0.81") double share) {
}
