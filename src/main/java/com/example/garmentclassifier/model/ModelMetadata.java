package com.example.garmentclassifier.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything recorded about one model version, stored as {@code metadata.json} beside the model file.
 *
 * @param modelSha256 SHA-256 of {@code modelFile}, checked before the model is loaded
 * @param test          the test set as tensors, as the network was trained (the data set's bytes scaled to [0, 1])
 * @param testAsUploads the test set as /classify sees it (each image PNG-encoded, decoded and preprocessed like an
 *                      upload): what catalogue teams get; null for versions evaluated before this was measured
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
        EvaluationReport testAsUploads,
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

    public ModelMetadata withTestAsUploads(EvaluationReport report) {
        return new ModelMetadata(version, createdAt, architecture, parameterCount, labels, modelFile, modelSha256,
                training, test, report, onnx);
    }

    public ModelMetadata withFile(String file, String sha256) {
        return new ModelMetadata(version, createdAt, architecture, parameterCount, labels, file, sha256, training, test,
                testAsUploads, onnx);
    }

    public ModelMetadata withVersion(String newVersion) {
        return new ModelMetadata(newVersion, createdAt, architecture, parameterCount, labels, modelFile, modelSha256,
                training, test, testAsUploads, onnx);
    }

    public ModelMetadata withOnnx(Artifact artifact) {
        return new ModelMetadata(version, createdAt, architecture, parameterCount, labels, modelFile, modelSha256,
                training, test, testAsUploads, artifact);
    }
}
