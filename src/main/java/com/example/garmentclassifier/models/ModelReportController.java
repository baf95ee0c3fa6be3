package com.example.garmentclassifier.models;

import com.example.garmentclassifier.inference.serving.LoadedModel;
import com.example.garmentclassifier.inference.serving.ModelHolder;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelVersions;
import com.example.garmentclassifier.training.DatasetUnavailableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A version's report, for model owners deciding whether to activate it. */
@RestController
@Tag(name = "Model versions", description = "Stored model versions, rollback and clean-up")
class ModelReportController {

    private final ModelVersions versions;
    private final ModelHolder holder;
    private final TestSetPredictions predictions;

    ModelReportController(ModelVersions versions, ModelHolder holder, TestSetPredictions predictions) {
        this.versions = versions;
        this.holder = holder;
        this.predictions = predictions;
    }

    @Operation(summary = "A version's report: per-class results, confusion matrix, learning curves, calibration and"
            + " misclassified test images (HTML with inline SVG charts)",
            description = "Calibration and misclassified images need the Fashion-MNIST test set installed"
                    + " (classifier.dataset-dir); without it the page says so. The first report of a version takes"
                    + " a few seconds (it classifies the 10,000 test images).")
    @ApiResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such version")
    @ApiResponse(responseCode = "422", description = "The version's files are incomplete or fail their checksums")
    @GetMapping(path = "/models/{version}/report", produces = MediaType.TEXT_HTML_VALUE)
    String report(@PathVariable String version) {
        ModelMetadata metadata = versions.readMetadata(version);
        boolean active = holder.current().map(LoadedModel::version).filter(v -> Objects.equals(v, version)).isPresent();
        try {
            return ModelReportPage.render(metadata, active, predictions.of(metadata), null);
        } catch (DatasetUnavailableException e) {
            return ModelReportPage.render(metadata, active, null, "The Fashion-MNIST test set is not installed here"
                    + " (apt-get install dataset-fashion-mnist, or set classifier.dataset-dir), so calibration and"
                    + " misclassified images cannot be shown.");
        }
    }
}
