package com.example.garmentclassifier.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param calibration the temperature that calibrates the served probabilities; null when none was fitted
 * @param ensembleMembers for an ensemble, the further networks (DL4J model files) whose class probabilities are
 *                        averaged with {@code modelFile}'s; null or empty for a single network
 * @param validationAsUploads the validation images' accuracy as served, measured when the version was scored: the
 *                            promotion gate compares recorded figures instead of loading versions again; null for
 *                            versions scored before this was recorded
 *
 * <p>Fields this code does not know are ignored when reading, unlike in requests: a newer release that
 * records more about a version must not make it unreadable to an older replica on the same store.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
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
        Artifact onnx,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Artifact> ensembleMembers,
        @JsonInclude(JsonInclude.Include.NON_NULL) Calibration calibration,
        @JsonInclude(JsonInclude.Include.NON_NULL) ValidationAccuracy validationAsUploads,
        @JsonInclude(JsonInclude.Include.NON_NULL) OnnxParity onnxParity) {

    /** A version not yet compared with its ONNX form. */
    public ModelMetadata(String version, Instant createdAt, String architecture, long parameterCount,
                         List<String> labels, String modelFile, String modelSha256, Training training,
                         EvaluationReport test, EvaluationReport testAsUploads, Artifact onnx,
                         List<Artifact> ensembleMembers, Calibration calibration,
                         ValidationAccuracy validationAsUploads) {
        this(version, createdAt, architecture, parameterCount, labels, modelFile, modelSha256, training, test,
                testAsUploads, onnx, ensembleMembers, calibration, validationAsUploads, null);
    }

    /**
     * The ONNX form's parity check against DL4J, recorded when it passed, so that later loads serve the
     * ONNX form without restoring the DL4J networks (see {@code ModelLoader}).
     *
     * @param onnxSha256 the ONNX file the check ran on: a different file is checked again
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OnnxParity(String onnxSha256, int probes, double maxAbsDifference, int argmaxMismatches,
                             Instant checkedAt) {

        /**
         * A check that ran now on the ONNX file with this SHA-256; the figures are taken apart from the engine's
         * report so that the stored record stays plain data the store can read without the engines.
         */
        public static OnnxParity checkedNow(String onnxSha256, int probes, double maxAbsDifference,
                                            int argmaxMismatches) {
            return new OnnxParity(onnxSha256, probes, maxAbsDifference, argmaxMismatches, Instant.now());
        }
    }

    /** Whether {@code onnxParity} was recorded for the ONNX file the version holds now. */
    public boolean onnxParityCoversOnnx() {
        return onnx != null && onnxParity != null && onnx.sha256().equalsIgnoreCase(onnxParity.onnxSha256());
    }

    /**
     * Temperature scaling of the served probabilities, fitted on the validation images; the expected
     * calibration error (15 bins) on the test images before and after it, both as uploads.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Calibration(double temperature, double eceBefore, double eceAfter, String fittedOn,
                              String measuredOn) {
    }

    /** An accuracy and the images it was measured on (which must match for two scores to be compared). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ValidationAccuracy(Double accuracy, String measuredOn) {
    }

    /** A further file of the version, with the SHA-256 checked before it is used. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Artifact(String file, String sha256) {
    }

    /** How the version was trained; {@code hyperparameters} as given to the trainer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Training(Map<String, Object> hyperparameters, long seed, double seconds, int trainExamples,
                           int validationExamples, int bestEpoch, String warmStartFrom, List<EpochMetrics> epochs) {
    }

    public double testAccuracy() {
        return test == null ? 0 : test.accuracy();
    }

    public ModelMetadata withTestAsUploads(EvaluationReport report) {
        return new ModelMetadata(version, createdAt, architecture, parameterCount, labels, modelFile, modelSha256,
                training, test, report, onnx, ensembleMembers, calibration, validationAsUploads, onnxParity);
    }

    public ModelMetadata withTraining(Training record) {
        return new ModelMetadata(version, createdAt, architecture, parameterCount, labels, modelFile, modelSha256,
                record, test, testAsUploads, onnx, ensembleMembers, calibration, validationAsUploads, onnxParity);
    }

    public ModelMetadata withFile(String file, String sha256) {
        return new ModelMetadata(version, createdAt, architecture, parameterCount, labels, file, sha256, training, test,
                testAsUploads, onnx, ensembleMembers, calibration, validationAsUploads, onnxParity);
    }

    public ModelMetadata withVersion(String newVersion) {
        return new ModelMetadata(newVersion, createdAt, architecture, parameterCount, labels, modelFile, modelSha256,
                training, test, testAsUploads, onnx, ensembleMembers, calibration, validationAsUploads, onnxParity);
    }

    public ModelMetadata withOnnx(Artifact artifact) {
        return new ModelMetadata(version, createdAt, architecture, parameterCount, labels, modelFile, modelSha256,
                training, test, testAsUploads, artifact, ensembleMembers, calibration, validationAsUploads, null);
    }

    public ModelMetadata withOnnxParity(OnnxParity parity) {
        return new ModelMetadata(version, createdAt, architecture, parameterCount, labels, modelFile, modelSha256,
                training, test, testAsUploads, onnx, ensembleMembers, calibration, validationAsUploads, parity);
    }

    public ModelMetadata withEnsembleMembers(List<Artifact> members) {
        return new ModelMetadata(version, createdAt, architecture, parameterCount, labels, modelFile, modelSha256,
                training, test, testAsUploads, onnx, members == null || members.isEmpty() ? null : List.copyOf(members), calibration, validationAsUploads, onnxParity);
    }

    public ModelMetadata withCalibration(Calibration fitted) {
        return new ModelMetadata(version, createdAt, architecture, parameterCount, labels, modelFile, modelSha256,
                training, test, testAsUploads, onnx, ensembleMembers, fitted, validationAsUploads, onnxParity);
    }

    public ModelMetadata withValidationAsUploads(ValidationAccuracy validation) {
        return new ModelMetadata(version, createdAt, architecture, parameterCount, labels, modelFile, modelSha256,
                training, test, testAsUploads, onnx, ensembleMembers, calibration, validation, onnxParity);
    }

    /** Every DL4J model file of the version: {@code modelFile} first, then any further ensemble members. */
    public List<Artifact> networkFiles() {
        List<Artifact> files = new java.util.ArrayList<>();
        files.add(new Artifact(modelFile, modelSha256));
        if (ensembleMembers != null) {
            files.addAll(ensembleMembers);
        }
        return files;
    }
}
