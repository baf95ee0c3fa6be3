package com.example.garmentclassifier.models;

import com.example.garmentclassifier.inference.serving.ModelHolder;
import com.example.garmentclassifier.inference.serving.ModelUnavailableException;
import com.example.garmentclassifier.store.ModelMetadata;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the serving model can answer: its labels and its metadata. */
@RestController
@Tag(name = "Model", description = "The serving model's classes and metadata")
@ApiResponse(responseCode = "503", description = "No model is loaded")
public class CatalogueController {

    private final ModelHolder models;

    public CatalogueController(ModelHolder models) {
        this.models = models;
    }

    /** One class of the serving model. */
    public record GarmentClass(@Schema(example = "6") int index, @Schema(example = "Shirt") String label) {
    }

    @Operation(summary = "Labels the serving model can give, with their class indices")
    @ApiResponse(responseCode = "200", description = "Every class, in the order of the probability vectors")
    @ApiResponse(responseCode = "406", description = "The Accept header excludes application/json")
    @GetMapping(path = "/classes", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<GarmentClass> classes() {
        List<String> labels = currentMetadata().labels();
        List<GarmentClass> classes = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            classes.add(new GarmentClass(i, labels.get(i)));
        }
        return classes;
    }

    @Operation(summary = "Metadata of the serving model: version, architecture, training and test results, and the"
            + " engine serving it")
    @ApiResponse(responseCode = "200", description = "The serving version and the engine running it")
    @ApiResponse(responseCode = "406", description = "The Accept header excludes application/json")
    @GetMapping(path = "/models/current", produces = MediaType.APPLICATION_JSON_VALUE)
    public CurrentModel current() {
        return models.current().map(m -> new CurrentModel(m.metadata(), m.engine()))
                .orElseThrow(() -> new ModelUnavailableException(models.unavailableReason()));
    }

    private ModelMetadata currentMetadata() {
        return models.current().map(m -> m.metadata())
                .orElseThrow(() -> new ModelUnavailableException(models.unavailableReason()));
    }
}
