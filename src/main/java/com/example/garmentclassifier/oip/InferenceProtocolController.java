package com.example.garmentclassifier.oip;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Open Inference Protocol's HTTP endpoints. Health answers follow the protocol: 200 means
 * true, a 4xx (here 400) false. Errors are the protocol's {@code {"error": "..."}} objects.
 */
@RestController
@Tag(name = "Open Inference Protocol", description = "KServe / Triton / MLServer v2 REST protocol: tensors in the"
        + " data set's form (28x28, garment light on dark) in, probabilities out")
public class InferenceProtocolController {

    /**
     * 64 images of 784 pixels written as long decimals take about 1.3 MB. The body is parsed into boxed
     * numbers (tens of bytes each) before it is checked, so larger bodies are refused unread.
     */
    private static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private final InferenceProtocolService protocol;
    private final String serverVersion;

    public InferenceProtocolController(InferenceProtocolService protocol, ObjectProvider<BuildProperties> build) {
        this.protocol = protocol;
        BuildProperties properties = build.getIfAvailable();
        this.serverVersion = properties == null ? "development" : properties.getVersion();
    }

    @Operation(summary = "Server metadata")
    @ApiResponse(responseCode = "200", description = "Name, version and supported extensions")
    @ApiResponse(responseCode = "406", description = "The Accept header excludes application/json")
    @GetMapping(path = "/v2", produces = MediaType.APPLICATION_JSON_VALUE)
    public ServerMetadataResponse server() {
        return new ServerMetadataResponse(InferenceProtocolService.MODEL_NAME, serverVersion, List.of());
    }

    /** The protocol's path is "v2"; some clients add a slash, which Spring no longer matches by itself. */
    @Hidden
    @GetMapping(path = "/v2/", produces = MediaType.APPLICATION_JSON_VALUE)
    public ServerMetadataResponse serverWithSlash() {
        return server();
    }

    @Operation(summary = "Server live")
    @ApiResponse(responseCode = "200", description = "The server answers requests")
    @ApiResponse(responseCode = "406", description = "The Accept header excludes application/json")
    @GetMapping(path = "/v2/health/live", produces = MediaType.APPLICATION_JSON_VALUE)
    public Live live() {
        return new Live(true);
    }

    @Operation(summary = "Server ready: a model is loaded and serving")
    @ApiResponse(responseCode = "200", description = "Ready")
    @ApiResponse(responseCode = "400", description = "Not ready (the protocol answers false with a 4xx)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Ready.class)))
    @GetMapping(path = "/v2/health/ready", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Ready> ready() {
        boolean ready = protocol.ready();
        return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(new Ready(ready));
    }

    @Operation(summary = "Model ready", description = "With a version: whether that version is the serving one.")
    @ApiResponse(responseCode = "200", description = "Ready")
    @ApiResponse(responseCode = "400", description = "Not ready",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ModelReady.class)))
    @ApiResponse(responseCode = "404", description = "No such model or version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ProtocolError.class)))
    @GetMapping(path = {"/v2/models/{name}/ready", "/v2/models/{name}/versions/{version}/ready"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ModelReady> modelReady(@PathVariable String name,
                                                 @PathVariable(required = false) String version) {
        boolean ready = protocol.modelReady(name, version);
        return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(new ModelReady(name, ready));
    }

    @Operation(summary = "Model metadata: versions, input and output tensors")
    @ApiResponse(responseCode = "200", description = "The model's metadata")
    @ApiResponse(responseCode = "404", description = "No such model or version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ProtocolError.class)))
    @GetMapping(path = {"/v2/models/{name}", "/v2/models/{name}/versions/{version}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ModelMetadataResponse metadata(@PathVariable String name, @PathVariable(required = false) String version) {
        return protocol.metadata(name, version);
    }

    @Operation(summary = "Inference on image tensors",
            description = "Input 'images': FP32 pixels in [0, 1] or UINT8 pixels 0-255, shape [N, 28, 28] or"
                    + " [N, 784], N up to classifier.max-files-per-request, data flat or nested in row-major order,"
                    + " garment light on dark and centred as in Fashion-MNIST (nothing is preprocessed; upload"
                    + " photos to /classify). Output 'probabilities' FP32 [N, 10] in /classes order, the served"
                    + " probabilities (mirror-averaged, calibrated) of the serving version, which the response names."
                    + " Needs X-API-Key when keys are configured, and counts against the client's rate limit.",
            security = @SecurityRequirement(name = "apiKey"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = InferenceRequest.class))))
    @ApiResponse(responseCode = "200", description = "The probabilities")
    @ApiResponse(responseCode = "400", description = "Not an inference request this model accepts", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ProtocolError.class)))
    @ApiResponse(responseCode = "404", description = "No such model or version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ProtocolError.class)))
    @ApiResponse(responseCode = "413", description = "Body over 2 MB", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ProtocolError.class)))
    @ApiResponse(responseCode = "503", description = "No model loaded, or the inference queue is full", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ProtocolError.class)))
    @PostMapping(path = {"/v2/models/{name}/infer", "/v2/models/{name}/versions/{version}/infer"},
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public InferenceResponse infer(@PathVariable String name, @PathVariable(required = false) String version,
                                   @io.swagger.v3.oas.annotations.Parameter(hidden = true) InputStream body)
            throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new InferenceProtocolException(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is over "
                    + MAX_BODY_BYTES / (1024 * 1024) + " MB; send fewer images per request");
        }
        return protocol.infer(name, version, bytes);
    }

    @Schema(name = "OipServerLive")
    public record Live(boolean live) {
    }

    @Schema(name = "OipServerReady")
    public record Ready(boolean ready) {
    }

    @Schema(name = "OipModelReady")
    public record ModelReady(String name, boolean ready) {
    }
}
