package com.example.garmentclassifier.classify;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Results of one /classify call, in upload order, all from one model version. */
public record ClassifyResponse(
        @Schema(description = "Model version that produced every result", example = "v20261124-031406")
        String modelVersion,
        List<ClassificationResult> results) {
}
