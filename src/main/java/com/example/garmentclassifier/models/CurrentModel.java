package com.example.garmentclassifier.models;

import com.example.garmentclassifier.inference.serving.EngineSelection;
import com.example.garmentclassifier.store.ModelMetadata;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/** The serving model: its stored metadata, and the engine that serves it with the reason. */
public record CurrentModel(
        @JsonUnwrapped ModelMetadata metadata,
        @Schema(description = "Engine serving this version and why (ONNX Runtime serves only after it matched DL4J"
                + " on the probe set, unless configured otherwise)")
        EngineSelection serving) {
}
