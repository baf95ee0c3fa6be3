package com.example.garmentclassifier.training;

import com.example.garmentclassifier.config.ClassifierProperties;
import com.example.garmentclassifier.model.ModelMetadata;
import com.example.garmentclassifier.model.engine.InferenceEngine;
import com.example.garmentclassifier.model.engine.TemperatureScaledEngine;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.springframework.stereotype.Component;

/**
 * Fits a version's temperature on the validation images and measures what it does on the test
 * images, both as uploads and asked as served (every network of the version, mirror-averaged).
 */
@Component
public class CalibrationFitter {

    private static final int BATCH = 500;

    private final ClassifierProperties properties;
    private final IdxReader reader;
    private final ModelEvaluator evaluator = new ModelEvaluator();

    public CalibrationFitter(ClassifierProperties properties, IdxReader reader) {
        this.properties = properties;
        this.reader = reader;
    }

    public ModelMetadata.Calibration fit(List<MultiLayerNetwork> networks) {
        GarmentImages train = reader.read(properties.datasetDir(), FashionMnistSplit.TRAIN);
        GarmentImages test = reader.read(properties.datasetDir(), FashionMnistSplit.TEST);
        GarmentImages validation = ValidationGate.validationSplit(train);
        float[][][] probabilities = evaluator.withServedEngine(networks, engine -> new float[][][] {
                asUploads(engine, validation), asUploads(engine, test)});
        double temperature = TemperatureFit.fit(probabilities[0], validation.labels());
        float[][] calibrated = new float[probabilities[1].length][];
        for (int i = 0; i < calibrated.length; i++) {
            calibrated[i] = TemperatureScaledEngine.scale(probabilities[1][i], temperature);
        }
        return new ModelMetadata.Calibration(round(temperature),
                round(ConfidenceBins.of(probabilities[1], test.labels()).expectedCalibrationError()),
                round(ConfidenceBins.of(calibrated, test.labels()).expectedCalibrationError()),
                ValidationGate.describe(train), "test images as uploads, " + ConfidenceBins.BINS + " bins");
    }

    private static float[][] asUploads(InferenceEngine engine, GarmentImages images) {
        UploadPath uploads = new UploadPath();
        float[][] probabilities = new float[images.size()][];
        for (int from = 0; from < images.size(); from += BATCH) {
            int to = Math.min(images.size(), from + BATCH);
            float[][] batch = engine.predict(uploads.inputs(images, from, to));
            System.arraycopy(batch, 0, probabilities, from, batch.length);
        }
        return probabilities;
    }

    private static double round(double value) {
        return Math.round(value * 10_000d) / 10_000d;
    }
}
