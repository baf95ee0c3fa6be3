package com.example.garmentclassifier.oip;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The protocol's model metadata. */
@Schema(name = "OipModelMetadata")
public record ModelMetadataResponse(
        @Schema(example = "garment-classifier") String name,
        @Schema(description = "Stored versions, newest first; inference runs on the serving one") List<String> versions,
        @Schema(example = "onnxruntime_onnx") String platform,
        List<TensorMetadata> inputs,
        List<TensorMetadata> outputs) {
}
