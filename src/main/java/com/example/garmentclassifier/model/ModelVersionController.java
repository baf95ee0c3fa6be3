package com.example.garmentclassifier.model;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Model versions", description = "Stored model versions, rollback and clean-up")
public class ModelVersionController {

    private final ModelStore store;
    private final ModelHolder holder;
    private final ModelActivationService activation;

    public ModelVersionController(ModelStore store, ModelHolder holder, ModelActivationService activation) {
        this.store = store;
        this.holder = holder;
        this.activation = activation;
    }

    @Operation(summary = "All stored versions, newest first, with which one serves")
    @GetMapping("/models")
    public List<ModelVersionSummary> versions() {
        String active = holder.current().map(LoadedModel::version).orElse(null);
        return store.list().stream().map(m -> ModelVersionSummary.of(m, active)).toList();
    }

    @Operation(summary = "Make a stored version the serving one (rollback)",
            description = "Loads and warms the version, then swaps it in: requests in flight finish on the old model.",
            security = @SecurityRequirement(name = "basicAuth"))
    @ApiResponse(responseCode = "200", description = "The version now serving")
    @ApiResponse(responseCode = "404", description = "No such version")
    @ApiResponse(responseCode = "422", description = "The version is stored but cannot be loaded")
    @PostMapping("/admin/models/{version}/activate")
    public ModelVersionSummary activate(@PathVariable String version) {
        ModelMetadata metadata = activation.activate(version);
        return ModelVersionSummary.of(metadata, metadata.version());
    }

    @Operation(summary = "Delete a stored version that is not active", security = @SecurityRequirement(name = "basicAuth"))
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such version")
    @ApiResponse(responseCode = "409", description = "The version is active")
    @DeleteMapping("/admin/models/{version}")
    public ResponseEntity<Void> delete(@PathVariable String version) {
        activation.delete(version);
        return ResponseEntity.noContent().build();
    }
}
