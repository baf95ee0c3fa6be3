package com.example.garmentclassifier.oip;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The protocol's inference request. */
@Schema(name = "OipInferenceRequest", description = "Open Inference Protocol inference request")
public record InferenceRequest(
        @Schema(description = "Echoed in the response", example = "42") String id,
        @Schema(description = "Accepted and ignored") Map<String, Object> parameters,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Input> inputs,
        @Schema(description = "Which outputs to return; only 'probabilities' exists") List<RequestedOutput> outputs) {

    /** One input tensor. */
    @Schema(name = "OipRequestInput")
    public record Input(
            @Schema(example = "images", requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(description = "[N, 28, 28] or [N, 784]", example = "[1, 784]",
                    requiredMode = Schema.RequiredMode.REQUIRED) List<Long> shape,
            @Schema(description = "FP32 (pixels in [0, 1]) or UINT8 (pixels in 0-255)", example = "FP32",
                    requiredMode = Schema.RequiredMode.REQUIRED) String datatype,
            @Schema(description = "Accepted and ignored") Map<String, Object> parameters,
            @ArraySchema(arraySchema = @Schema(description = "The pixels in row-major order, flat (or nested); garment"
                    + " light on dark, centred, as Fashion-MNIST", requiredMode = Schema.RequiredMode.REQUIRED),
                    // Documented flat (what generated clients send); nested arrays are accepted as well.
                    schema = @Schema(type = "number", description = "A pixel value")) List<Object> data) {
    }

    /** An output the client asks for. */
    @Schema(name = "OipRequestOutput")
    public record RequestedOutput(@Schema(example = "probabilities") String name, Map<String, Object> parameters) {
    }
}
