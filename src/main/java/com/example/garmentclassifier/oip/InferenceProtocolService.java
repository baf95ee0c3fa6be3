package com.example.garmentclassifier.oip;

import com.example.garmentclassifier.classify.ClassifyProperties;
import com.example.garmentclassifier.inference.Prediction;
import com.example.garmentclassifier.inference.Predictor;
import com.example.garmentclassifier.inference.batching.InferenceOverloadedException;
import com.example.garmentclassifier.inference.serving.LoadedModel;
import com.example.garmentclassifier.inference.serving.ModelHolder;
import com.example.garmentclassifier.inference.serving.ModelUnavailableException;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelVersions;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the protocol's endpoints answer. The model is named {@value #MODEL_NAME}; its versions are
 * the store's, and inference runs on the serving one through the same {@link Predictor} as
 * /classify: leased for the whole call, batched with /classify's images.
 */
@Service
public class InferenceProtocolService {

    public static final String MODEL_NAME = "garment-classifier";
    static final String OUTPUT_NAME = "probabilities";

    private final ModelHolder models;
    private final ModelVersions modelVersions;
    private final Predictor predictor;
    private final JsonMapper json;
    private final ImageTensorReader reader;

    public InferenceProtocolService(ModelHolder models, ModelVersions modelVersions, Predictor predictor,
                                    JsonMapper json, ClassifyProperties properties) {
        this.models = models;
        this.modelVersions = modelVersions;
        this.predictor = predictor;
        this.json = json;
        this.reader = new ImageTensorReader(properties.maxFilesPerRequest());
    }

    boolean ready() {
        return models.current().isPresent();
    }

    /** @param version null = whichever serves */
    boolean modelReady(String name, String version) {
        requireModel(name, version);
        return models.current().map(model -> version == null || version.equals(model.version())).orElse(false);
    }

    ModelMetadataResponse metadata(String name, String version) {
        requireName(name);
        List<String> versions = storedVersions();
        requireStored(version, versions);
        String platform = models.current().map(model -> model.engine().engine()).orElse("unavailable");
        return new ModelMetadataResponse(MODEL_NAME, versions, platform,
                List.of(new TensorMetadata(ImageTensorReader.INPUT_NAME, "FP32", List.of(-1L, 28L, 28L))),
                List.of(new TensorMetadata(OUTPUT_NAME, "FP32", List.of(-1L, 10L))));
    }

    InferenceResponse infer(String name, String version, byte[] body) {
        requireModel(name, version);
        InferenceRequest request = parse(body);
        if (request.outputs() != null && request.outputs().stream()
                .anyMatch(output -> output == null || !OUTPUT_NAME.equals(output.name()))) {
            throw new InferenceProtocolException(HttpStatus.BAD_REQUEST, "Unknown output requested; this model's only"
                    + " output is '" + OUTPUT_NAME + "'");
        }
        float[][] images = reader.read(request.inputs());
        try {
            Prediction<Void> prediction = predictor.predict(images, serving -> {
                if (version != null && !version.equals(serving.version())) {
                    throw notServing(version, serving);
                }
            });
            float[][] probabilities = prediction.probabilities();
            float[] flat = new float[probabilities.length * probabilities[0].length];
            for (int i = 0; i < probabilities.length; i++) {
                System.arraycopy(probabilities[i], 0, flat, i * probabilities[i].length, probabilities[i].length);
            }
            return new InferenceResponse(MODEL_NAME, prediction.version(), request.id(), List.of(
                    new InferenceResponse.Output(OUTPUT_NAME, List.of((long) probabilities.length,
                            (long) probabilities[0].length), "FP32", flat)));
        } catch (ModelUnavailableException | InferenceOverloadedException e) {
            throw new InferenceProtocolException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    private InferenceRequest parse(byte[] body) {
        try {
            InferenceRequest request = json.readValue(body, InferenceRequest.class);
            if (request == null) {
                throw new InferenceProtocolException(HttpStatus.BAD_REQUEST, "The request body is empty");
            }
            return request;
        } catch (JacksonException e) {
            throw new InferenceProtocolException(HttpStatus.BAD_REQUEST, "The request body is not an inference request"
                    + " object" + where(e));
        }
    }

    /** Where in the body parsing failed, in the body's own terms (Jackson's message names Java types). */
    private static String where(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        String problem = e instanceof UnrecognizedPropertyException ? "unknown field" : "wrong type or malformed JSON";
        return path.isEmpty() ? " (" + problem + ")" : " (" + problem + " at " + path + ")";
    }

    private void requireModel(String name, String version) {
        requireName(name);
        // The version this replica serves answers from memory whatever the store holds now; only another version
        // needs the store listed, which reads every version's metadata: too much for each pinned inference request.
        boolean serving = version != null
                && models.current().map(model -> version.equals(model.version())).orElse(false);
        if (version != null && !serving) {
            requireStored(version, storedVersions());
        }
    }

    private static void requireName(String name) {
        if (!MODEL_NAME.equals(name)) {
            throw new InferenceProtocolException(HttpStatus.NOT_FOUND, "Unknown model '" + name + "'; this server"
                    + " serves '" + MODEL_NAME + "'");
        }
    }

    /** @param version null = whichever serves, always there */
    private static void requireStored(String version, List<String> stored) {
        if (version != null && !stored.contains(version)) {
            throw new InferenceProtocolException(HttpStatus.NOT_FOUND, "Model '" + MODEL_NAME + "' has no version '"
                    + version + "'");
        }
    }

    /** The store's loadable versions, newest first (the store reads and checks every version's metadata). */
    private List<String> storedVersions() {
        return modelVersions.list().stream().map(ModelMetadata::version).toList();
    }

    private static InferenceProtocolException notServing(String version, LoadedModel serving) {
        return new InferenceProtocolException(HttpStatus.BAD_REQUEST, "Version " + version + " is stored but not"
                + " serving; infer without a version, or with " + serving.version());
    }

}
