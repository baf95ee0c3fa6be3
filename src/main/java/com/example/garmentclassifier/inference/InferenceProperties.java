package com.example.garmentclassifier.inference;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which engine computes probabilities, and how ONNX Runtime uses the cores ({@code classifier.inference.*}).
 *
 * @param engine           auto (default), onnxruntime or dl4j
 * @param threads          threads ONNX Runtime uses inside one call; 0 = one per available processor
 * @param spinWait         let ONNX Runtime's idle threads spin between calls (faster alone, but they take CPU from
 *                         request handling on a small machine)
 * @param reuseParityCheck with {@code auto}, serve a version's ONNX form on the parity check recorded in its
 *                         metadata (when it passed for that very file) without restoring DL4J; false checks at
 *                         every load
 */
@ConfigurationProperties("classifier.inference")
public record InferenceProperties(@DefaultValue("auto") Engine engine, @DefaultValue("0") int threads,
                                  @DefaultValue("false") boolean spinWait,
                                  @DefaultValue("true") boolean reuseParityCheck) {

    /** Which runtime serves a model version. */
    public enum Engine {
        /** ONNX Runtime when the version's ONNX form matches DL4J on the probe set, otherwise DL4J. */
        AUTO,
        /** ONNX Runtime whenever the network converts, even if the parity check fails (reported in health). */
        ONNXRUNTIME,
        /** DL4J only; no ONNX conversion or session. */
        DL4J
    }

    public int threadsOrProcessors() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
