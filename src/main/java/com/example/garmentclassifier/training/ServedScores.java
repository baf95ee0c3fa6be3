package com.example.garmentclassifier.training;

import com.example.garmentclassifier.inference.engine.InferenceEngine;
import com.example.garmentclassifier.store.EvaluationReport;
import com.example.garmentclassifier.store.ModelMetadata;

/**
 * What a version scores, asked as served: the test images as tensors and as uploads, the validation
 * images as uploads, and the temperature fitted on those validation probabilities with its effect
 * on the test ones. Each set is prepared and classified once (the validation inputs also give the
 * fingerprint that {@code validationMeasuredOn} names).
 *
 * @param validationMeasuredOn which inputs {@code validationAsUploads} was measured on ({@link ValidationSplit#measuredOn})
 */
public record ServedScores(EvaluationReport test, EvaluationReport testAsUploads,
                           EvaluationReport validationAsUploads, String validationMeasuredOn,
                           ModelMetadata.Calibration calibration) {

    /** The validation accuracy as the version's metadata records it, for the promotion gate. */
    public ModelMetadata.ValidationAccuracy validationScore() {
        return new ModelMetadata.ValidationAccuracy(validationAsUploads.accuracy(), validationMeasuredOn);
    }

    /**
     * @param served the version's engine as served (mirror-averaged, every network of an ensemble)
     * @param train  the training file: its last images are the validation split ({@link ValidationSplit})
     */
    static ServedScores measure(ModelEvaluator evaluator, InferenceEngine served, GarmentImages train,
                                GarmentImages test) {
        GarmentImages validation = ValidationSplit.of(train);
        float[][] validationInputs = new UploadPath().inputs(validation, 0, validation.size());
        float[][] validationUploads = evaluator.probabilities(served, validationInputs);
        float[][] testUploads = evaluator.probabilitiesAsUploads(served, test);
        return new ServedScores(evaluator.evaluate(served, test), ModelEvaluator.report(testUploads, test.labels()),
                ModelEvaluator.report(validationUploads, validation.labels()),
                ValidationSplit.measuredOn(train, validationInputs),
                TemperatureFit.calibration(validationUploads, validation.labels(), testUploads, test.labels(),
                        ValidationSplit.describe(train)));
    }
}
