package com.example.garmentclassifier.oip;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The protocol's inference response: one output, the probabilities [N, 10] in /classes order. */
@Schema(name = "OipInferenceResponse", description = "Open Inference Protocol inference response")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferenceResponse(
        @JsonProperty("model_name") @Schema(example = "garment-classifier") String modelName,
        @JsonProperty("model_version") @Schema(description = "The version that computed these probabilities",
                example = "v20261202-081648") String modelVersion,
        @Schema(description = "The request's id, if it had one") String id,
        List<Output> outputs) {

    @Schema(name = "OipResponseOutput")
    public record Output(@Schema(example = "probabilities") String name,
                         @Schema(example = "[1, 10]") List<Long> shape,
                         @Schema(example = "FP32") String datatype,
                         @Schema(description = "Row-major, N x 10, each row summing to 1") float[] data) {
    }
}
