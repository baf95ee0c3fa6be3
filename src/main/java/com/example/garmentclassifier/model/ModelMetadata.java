package com.example.garmentclassifier.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything recorded about one model version, stored as {@code metadata.json} beside the model file.
 *
 * @param modelSha256 SHA-256 of {@code modelFile}, checked before the model is loaded
 * @param onnx the same network as an ONNX model (the fast serving engine's format); null until converted
 */
public record ModelMetadata(
        String version,
        Instant createdAt,
        String architecture,
        long parameterCount,
        List<String> labels,
        String modelFile,
        String modelSha256,
        Training training,
        EvaluationReport test,
        Artifact onnx) {

    /** A further file of the version, with the SHA-256 checked before it is used. */
    public record Artifact(String file, String sha256) {
    }

    /** How the version was trained; {@code hyperparameters} as given to the trainer. */
    public record Training(Map<String, Object> hyperparameters, long seed, double seconds, int trainExamples,
                           int validationExamples, int bestEpoch, String warmStartFrom, List<EpochMetrics> epochs) {
    }

    public double testAccuracy() {
        return test == null ? 0 : test.accuracy();
    }

    public ModelMetadata withFile(String file, String sha256) {
        return new ModelMetadata(version, createdAt, architecture, parameterCount, labels, file, sha256, training, test,
                onnx);
    }

    public ModelMetadata withVersion(String newVersion) {
        return new ModelMetadata(newVersion, createdAt, architecture, parameterCount, labels, modelFile, modelSha256,
                training, test, onnx);
    }

    public ModelMetadata withOnnx(Artifact artifact) {
        return new ModelMetadata(version, createdAt, architecture, parameterCount, labels, modelFile, modelSha256,
                training, test, artifact);
    }
}
