package com.example.garmentclassifier.oip;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(name = "OipServerMetadata")
public record ServerMetadataResponse(@Schema(example = "garment-classifier") String name,
                                     @Schema(example = "0.1.0") String version,
                                     @Schema(description = "Protocol extensions supported (none)") List<String> extensions) {
}
