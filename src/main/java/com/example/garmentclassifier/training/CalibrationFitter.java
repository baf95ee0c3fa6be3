package com.example.garmentclassifier.training;

import com.example.garmentclassifier.config.ClassifierProperties;
import com.example.garmentclassifier.store.ModelMetadata;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.springframework.stereotype.Component;

/**
 * Scores a version that is already stored ({@code --train --calibrate V}): fits its temperature and
 * measures its validation accuracy as served, which versions stored before either was recorded lack;
 * training and ensembles get both while they are scored ({@link ServedScores}).
 */
@Component
public class CalibrationFitter {

    private final ClassifierProperties properties;
    private final IdxReader reader;
    private final ModelEvaluator evaluator = new ModelEvaluator();

    public CalibrationFitter(ClassifierProperties properties, IdxReader reader) {
        this.properties = properties;
        this.reader = reader;
    }

    public ServedScores fit(List<MultiLayerNetwork> networks) {
        GarmentImages train = reader.read(properties.datasetDir(), FashionMnistSplit.TRAIN);
        GarmentImages test = reader.read(properties.datasetDir(), FashionMnistSplit.TEST);
        return evaluator.withServedEngine(networks, served -> ServedScores.measure(evaluator, served, train, test));
    }
}
