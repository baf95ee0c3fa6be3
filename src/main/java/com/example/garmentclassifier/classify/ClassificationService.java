package com.example.garmentclassifier.classify;

import com.example.garmentclassifier.image.PreparedImage;
import com.example.garmentclassifier.image.ImagePreprocessor;
import com.example.garmentclassifier.image.ImageDecoder;
import com.example.garmentclassifier.attributes.AttributeExtractor;
import com.example.garmentclassifier.attributes.TitleComposer;
import com.example.garmentclassifier.model.LoadedModel;
import com.example.garmentclassifier.model.ModelHolder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Decodes and prepares every upload first (so one bad file rejects the request before any
 * inference), then classifies all of them in one batch on one model version.
 */
public class ClassificationService {

    static final String NOT_REQUESTED = "not requested (attributes=false)";

    private final ImageDecoder decoder;
    private final ImagePreprocessor preprocessor;
    private final AttributeExtractor attributeExtractor;
    private final ModelHolder models;

    public ClassificationService(ImageDecoder decoder, ImagePreprocessor preprocessor,
                                 AttributeExtractor attributeExtractor, ModelHolder models) {
        this.decoder = decoder;
        this.preprocessor = preprocessor;
        this.attributeExtractor = attributeExtractor;
        this.models = models;
    }

    /** @param withAttributes also read colours and pattern and draft a title */
    public ClassifyResponse classify(List<Upload> uploads, boolean withAttributes) {
        List<PreparedImage> prepared = new ArrayList<>(uploads.size());
        List<AttributeExtractor.Outcome> attributes = new ArrayList<>(uploads.size());
        for (Upload upload : uploads) {
            PreparedImage image = preprocessor.prepare(decoder.decode(upload.name(), upload.data()));
            prepared.add(image);
            // Outside the model lease: this CPU work must not hold up other requests' inference.
            attributes.add(withAttributes ? attributeExtractor.extract(image.foreground())
                    : new AttributeExtractor.Outcome(null, NOT_REQUESTED));
        }
        INDArray features = stack(prepared);
        return models.withModel(model -> respond(model, uploads, model.predict(features), attributes, withAttributes));
    }

    static INDArray stack(List<PreparedImage> images) {
        int pixels = ImagePreprocessor.SIDE * ImagePreprocessor.SIDE;
        float[] data = new float[images.size() * pixels];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i).modelInput(), 0, data, i * pixels, pixels);
        }
        return Nd4j.create(data, new long[] {images.size(), ImagePreprocessor.SIDE, ImagePreprocessor.SIDE, 1}, 'c');
    }

    static ClassifyResponse respond(LoadedModel model, List<Upload> uploads, float[][] probabilities,
                                    List<AttributeExtractor.Outcome> attributes, boolean withTitles) {
        List<String> labels = model.metadata().labels();
        List<ClassificationResult> results = new ArrayList<>(uploads.size());
        for (int i = 0; i < uploads.size(); i++) {
            results.add(result(uploads.get(i).name(), labels, probabilities[i], attributes.get(i), withTitles));
        }
        return new ClassifyResponse(model.version(), results);
    }

    static ClassificationResult result(String file, List<String> labels, float[] probabilities,
                                       AttributeExtractor.Outcome attributes, boolean withTitle) {
        int best = 0;
        Map<String, Double> byLabel = new LinkedHashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            byLabel.put(labels.get(c), (double) probabilities[c]);
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        String label = labels.get(best);
        String title = withTitle ? TitleComposer.title(label, attributes.attributes()) : null;
        return new ClassificationResult(file, label, best, probabilities[best], byLabel, attributes.attributes(),
                attributes.reason(), title);
    }
}
