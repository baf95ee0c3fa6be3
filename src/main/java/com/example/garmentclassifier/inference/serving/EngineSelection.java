package com.example.garmentclassifier.inference.serving;

import com.example.garmentclassifier.inference.parity.ParityReport;

/**
 * Which engine serves a version and why, as health, /models/current and every /classify response show it.
 *
 * @param engine "onnxruntime" or "dl4j"
 * @param reason why this engine and not the other, in words for ops
 * @param parity ONNX Runtime against DL4J on the probe set; null when no comparison ran
 */
public record EngineSelection(String engine, String reason, ParityReport parity) {
}
