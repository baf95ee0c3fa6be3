package com.example.garmentclassifier.models;

import com.example.garmentclassifier.inference.serving.LoadedModel;
import com.example.garmentclassifier.inference.serving.ModelHolder;
import com.example.garmentclassifier.model.ModelActivationService;
import com.example.garmentclassifier.model.ModelLoader;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelVersions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Model versions", description = "Stored model versions, rollback and clean-up")
public class ModelVersionController {

    static final String ONNX_MEDIA_TYPE = "application/onnx";

    private final ModelVersions versions;
    private final ModelLoader loader;
    private final ModelHolder holder;
    private final ModelActivationService activation;

    public ModelVersionController(ModelVersions versions, ModelLoader loader, ModelHolder holder,
                                  ModelActivationService activation) {
        this.versions = versions;
        this.loader = loader;
        this.holder = holder;
        this.activation = activation;
    }

    @Operation(summary = "All stored versions, newest first, with which one serves")
    @ApiResponse(responseCode = "200", description = "The stored versions")
    @ApiResponse(responseCode = "406", description = "The Accept header excludes application/json")
    @GetMapping(path = "/models", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ModelVersionSummary> versions() {
        String active = holder.current().map(LoadedModel::version).orElse(null);
        return versions.list().stream().map(m -> ModelVersionSummary.of(m, active)).toList();
    }

    @Operation(summary = "Download a version as ONNX, to run it in your own runtime",
            description = "The same network as the DL4J model.zip, converted to ONNX (opset 13): input 'images'"
                    + " float [N, 28, 28, 1] in [0, 1], garment light on dark, as /classify prepares uploads; output"
                    + " 'probabilities' [N, 10] in /classes order. /classify also averages each image with its"
                    + " left-right mirror; do the same to reproduce its numbers.")
    @ApiResponse(responseCode = "200", description = "The ONNX model",
            content = @Content(mediaType = ONNX_MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No such version")
    @ApiResponse(responseCode = "422", description = "The version cannot be loaded or converted")
    @GetMapping(path = "/models/{version}/model.onnx", produces = ONNX_MEDIA_TYPE)
    public ResponseEntity<byte[]> onnx(@PathVariable String version) {
        byte[] model = loader.onnxModel(version);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ONNX_MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(version + ".onnx").build().toString())
                .body(model);
    }

    @Operation(summary = "Make a stored version the serving one (rollback)",
            description = "Loads and warms the version, then swaps it in: requests in flight finish on the old model.",
            security = @SecurityRequirement(name = "basicAuth"))
    @ApiResponse(responseCode = "200", description = "The version now serving")
    @ApiResponse(responseCode = "401", description = "Missing or wrong admin credentials")
    @ApiResponse(responseCode = "404", description = "No such version")
    @ApiResponse(responseCode = "422", description = "The version is stored but cannot be loaded")
    @PostMapping(path = "/admin/models/{version}/activate", produces = MediaType.APPLICATION_JSON_VALUE)
    public ModelVersionSummary activate(@PathVariable String version) {
        ModelMetadata metadata = activation.activate(version);
        return ModelVersionSummary.of(metadata, metadata.version());
    }

    @Operation(summary = "Delete a stored version that is not active", security = @SecurityRequirement(name = "basicAuth"))
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "401", description = "Missing or wrong admin credentials")
    @ApiResponse(responseCode = "404", description = "No such version")
    @ApiResponse(responseCode = "409", description = "The version is active")
    @DeleteMapping("/admin/models/{version}")
    public ResponseEntity<Void> delete(@PathVariable String version) {
        activation.delete(version);
        return ResponseEntity.noContent().build();
    }
}
