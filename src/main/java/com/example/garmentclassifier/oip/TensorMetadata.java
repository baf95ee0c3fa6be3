package com.example.garmentclassifier.oip;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A tensor's name, data type and shape (-1 = any size) in model metadata. */
@Schema(name = "OipTensorMetadata")
public record TensorMetadata(@Schema(example = "images") String name, @Schema(example = "FP32") String datatype,
                             @Schema(example = "[-1, 28, 28]") List<Long> shape) {
}
