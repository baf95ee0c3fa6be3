package com.example.garmentclassifier.classify;

import com.example.garmentclassifier.attributes.AttributeExtractor;
import com.example.garmentclassifier.attributes.DescriptionComposer;
import com.example.garmentclassifier.attributes.GarmentAttributes;
import com.example.garmentclassifier.attributes.TitleComposer;
import com.example.garmentclassifier.image.ForegroundObjects;
import com.example.garmentclassifier.image.ImageDecoder;
import com.example.garmentclassifier.image.ImagePreprocessor;
import com.example.garmentclassifier.image.PreparedImage;
import com.example.garmentclassifier.inference.Prediction;
import com.example.garmentclassifier.inference.Predictor;
import com.example.garmentclassifier.inference.engine.Probabilities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes and prepares every upload first (so one bad file rejects the request before any
 * inference), has the serving version classify the images, and reads the catalogue attributes
 * while the model works.
 */
public class ClassificationService {

    static final String NOT_REQUESTED = "not requested (attributes=false)";
    static final String ATTRIBUTES_FAILED = "attributes could not be read from this image";
    private static final Logger log = LoggerFactory.getLogger(ClassificationService.class);

    private final ImageDecoder decoder;
    private final ImagePreprocessor preprocessor;
    private final AttributeExtractor attributeExtractor;
    private final Predictor predictor;
    private final ClassifyMetrics metrics;
    private final ImageWorkPermits permits;
    private final ReviewPolicy review;

    public ClassificationService(ImageDecoder decoder, ImagePreprocessor preprocessor,
                                 AttributeExtractor attributeExtractor, Predictor predictor, ClassifyMetrics metrics,
                                 ImageWorkPermits permits, ReviewPolicy review) {
        this.decoder = decoder;
        this.preprocessor = preprocessor;
        this.attributeExtractor = attributeExtractor;
        this.predictor = predictor;
        this.metrics = metrics;
        this.permits = permits;
        this.review = review;
    }

    /** @param withAttributes also read colours and pattern and draft a title */
    public ClassifyResponse classify(List<Upload> uploads, boolean withAttributes) {
        List<PreparedImage> prepared = new ArrayList<>(uploads.size());
        float[][] inputs = new float[uploads.size()][];
        double[] mainObjectShares = new double[uploads.size()];
        for (Upload upload : uploads) {
            Prepared ready = permits.run(() -> prepare(upload));
            inputs[prepared.size()] = ready.image().modelInput();
            mainObjectShares[prepared.size()] = ready.mainObjectShare();
            prepared.add(ready.image());
        }
        // The attributes are CPU work of this request's thread: done while the model works on the batch.
        Prediction<List<AttributeExtractor.Outcome>> prediction = predictor.predict(inputs, Predictor.ANY_VERSION,
                failed -> withAttributes ? attributes(prepared, failed) : notRequested(prepared.size()));
        return respond(prediction, uploads, mainObjectShares, withAttributes);
    }

    /** An upload ready for the model, and how much of its foreground is one object (see {@link ReviewPolicy}). */
    private record Prepared(PreparedImage image, double mainObjectShare) {
    }

    private Prepared prepare(Upload upload) {
        long start = System.nanoTime();
        var image = decoder.decode(upload.name(), upload.data());
        long decoded = System.nanoTime();
        PreparedImage ready = preprocessor.prepare(image);
        metrics.stages(decoded - start, System.nanoTime() - decoded);
        return new Prepared(ready, ForegroundObjects.largestShare(ready.foreground()));
    }

    private List<AttributeExtractor.Outcome> attributes(List<PreparedImage> prepared, BooleanSupplier inferenceFailed) {
        List<AttributeExtractor.Outcome> outcomes = new ArrayList<>(prepared.size());
        for (PreparedImage image : prepared) {
            if (inferenceFailed.getAsBoolean()) {
                break;
            }
            outcomes.add(permits.run(() -> attributesOf(image)));
        }
        return outcomes;
    }

    /** One image's attributes failing costs that image its attributes, never the request. */
    private AttributeExtractor.Outcome attributesOf(PreparedImage image) {
        long start = System.nanoTime();
        try {
            return attributeExtractor.extract(image.foreground());
        } catch (RuntimeException e) {
            log.warn("Attribute extraction failed on a {}x{} image", image.foreground().width(),
                    image.foreground().height(), e);
            return new AttributeExtractor.Outcome(null, ATTRIBUTES_FAILED);
        } finally {
            metrics.attributes(System.nanoTime() - start);
        }
    }

    private static List<AttributeExtractor.Outcome> notRequested(int count) {
        List<AttributeExtractor.Outcome> outcomes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            outcomes.add(new AttributeExtractor.Outcome(null, NOT_REQUESTED));
        }
        return outcomes;
    }


    /** @param prediction the images' probabilities, with each image's attributes read alongside */
    ClassifyResponse respond(Prediction<List<AttributeExtractor.Outcome>> prediction, List<Upload> uploads,
                             double[] mainObjectShares, boolean withTitles) {
        List<String> labels = prediction.metadata().labels();
        float[][] probabilities = prediction.probabilities();
        List<AttributeExtractor.Outcome> attributes = prediction.alongside();
        List<ClassificationResult> results = new ArrayList<>(uploads.size());
        for (int i = 0; i < uploads.size(); i++) {
            results.add(result(uploads.get(i).name(), labels, probabilities[i], attributes.get(i), mainObjectShares[i],
                    withTitles, review));
        }
        return new ClassifyResponse(prediction.version(), prediction.engine().engine(), results);
    }

    static ClassificationResult result(String file, List<String> labels, float[] probabilities,
                                       AttributeExtractor.Outcome attributes, double mainObjectShare,
                                       boolean withTitle, ReviewPolicy policy) {
        int best = Probabilities.mostLikely(probabilities);
        Map<String, Double> byLabel = new LinkedHashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            byLabel.put(labels.get(c), (double) probabilities[c]);
        }
        String label = labels.get(best);
        GarmentAttributes shown = attributes.attributes() == null ? null : attributes.attributes().forCategory(label);
        ReviewPolicy.Review review = policy.review(probabilities[best], attributes, mainObjectShare);
        // Drafts never state a falsehood confidently: none for what is not a garment, and a doubtful one says so.
        boolean draft = withTitle && !review.notAGarment();
        String title = draft ? TitleComposer.title(label, shown) : null;
        String description = draft ? DescriptionComposer.description(label, shown) : null;
        if (description != null && review.needed()) {
            description += " Needs review: " + review.reason() + ".";
        }
        return new ClassificationResult(file, label, best, probabilities[best], byLabel, shown,
                attributes.reason(), title, description, review.needed(), review.reason());
    }
}
