package com.example.garmentclassifier.classify;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Results of one /classify call, in upload order, all from one model version. */
public record ClassifyResponse(
        @Schema(description = "Model version that produced every result", example = "v20261124-031406")
        String modelVersion,
        @Schema(description = "Engine that computed the probabilities: onnxruntime, or dl4j when ONNX Runtime"
                + " is switched off or did not match DL4J for this version", example = "onnxruntime")
        String engine,
        List<ClassificationResult> results) {
}
