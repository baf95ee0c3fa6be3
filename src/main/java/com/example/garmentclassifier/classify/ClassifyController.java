package com.example.garmentclassifier.classify;

import com.example.garmentclassifier.image.RejectedUploadException;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Classification", description = "Classify garment images")
@ApiResponse(responseCode = "200", description = "One result per image, in upload order", content = @Content(
        mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ClassifyResponse.class),
        examples = @ExampleObject(name = "one image", summary = "A photo of an ankle boot", value = """
                {"modelVersion": "v20261202-081648", "engine": "onnxruntime", "results": [{
                  "file": "ankle-boot.png", "label": "Ankle boot", "classIndex": 9, "confidence": 0.9998,
                  "probabilities": {"T-shirt/top": 0.0, "Trouser": 0.0, "Pullover": 0.0, "Dress": 0.0, "Coat": 0.0,
                    "Sandal": 0.0000083, "Shirt": 0.0, "Sneaker": 0.00015, "Bag": 0.0, "Ankle boot": 0.9998},
                  "attributes": {"colour": {"name": "grey", "hex": "#8d8d8d", "share": 0.76},
                    "colours": [{"name": "grey", "hex": "#8d8d8d", "share": 0.76},
                      {"name": "white", "hex": "#d1d1d1", "share": 0.13}],
                    "pattern": {"value": "solid", "score": 0.2}},
                  "title": "Grey Ankle boot",
                  "description": "A grey pair of ankle boots."}]}""")))
@ApiResponse(responseCode = "400", description = "No image, empty part, unreadable image or too many files")
@ApiResponse(responseCode = "413", description = "An image is larger than the byte or pixel limit")
@ApiResponse(responseCode = "415", description = "Not a PNG, JPEG, GIF or BMP image")
@ApiResponse(responseCode = "401", description = "API keys are configured (classifier.clients.api-keys) and X-API-Key"
        + " is missing or unknown")
@ApiResponse(responseCode = "429", description = "This client's rate limit (classifier.clients.requests-per-minute)"
        + " is used up; see Retry-After")
@ApiResponse(responseCode = "503", description = "No model is loaded, or the service is at capacity; see Retry-After")
public class ClassifyController {

    private static final String RAW_NAME = "body";

    private final ClassificationService service;
    private final ClassifyProperties properties;

    public ClassifyController(ClassificationService service, ClassifyProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @Operation(summary = "Classify garment images",
            description = "Either a multipart form with one or more parts named 'file', or one image as the raw body"
                    + " (Content-Type image/png, image/jpeg, image/gif or image/bmp; 'filename' names its result)."
                    + " Photos on a plain background, cut-outs with transparency, drawings and Fashion-MNIST-style"
                    + " images all work. At most classifier.max-files-per-request files (default 64).\n\n"
                    + "Multipart, two images:\n\n"
                    + "    curl -F file=@shirt.jpg -F file=@boot.png http://localhost:8080/classify\n\n"
                    + "Raw body, one image:\n\n"
                    + "    curl -H 'Content-Type: image/jpeg' --data-binary @shirt.jpg \\\n"
                    + "         'http://localhost:8080/classify?filename=shirt.jpg'",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(type = "object"),
                            schemaProperties = @SchemaProperty(name = "file", array = @ArraySchema(
                                    schema = @Schema(type = "string", format = "binary", description = "An image")))),
                    @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/gif", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/bmp", schema = @Schema(type = "string", format = "binary"))}),
            security = @SecurityRequirement(name = "apiKey"))
    @PostMapping(path = "/classify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ClassifyResponse classifyMultipart(
            @Parameter(hidden = true) @RequestPart(name = "file", required = false) List<MultipartFile> files,
            @Parameter(description = "Name to report as 'file' for a raw-body upload") @RequestParam(name = "filename",
                    required = false) String filename,
            @Parameter(description = "Read colours and pattern and draft a title (false skips that work)")
            @RequestParam(name = "attributes", defaultValue = "true") boolean attributes) throws IOException {
        if (files == null || files.isEmpty()) {
            throw RejectedUploadException.noImages();
        }
        if (files.size() > properties.maxFilesPerRequest()) {
            throw RejectedUploadException.tooManyFiles(files.size(), properties.maxFilesPerRequest());
        }
        List<Upload> uploads = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            MultipartFile file = files.get(i);
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                    ? "file[" + i + "]" : file.getOriginalFilename();
            if (file.getSize() > properties.maxImageBytes().toBytes()) {
                throw RejectedUploadException.tooManyBytes(name, properties.maxImageBytes().toBytes());
            }
            uploads.add(new Upload(name, file.getBytes()));
        }
        return service.classify(uploads, attributes);
    }

    /** Documented together with the multipart form above: one operation, two body types. */
    @Hidden
    @PostMapping(path = "/classify", consumes = {"image/png", "image/jpeg", "image/gif", "image/bmp"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ClassifyResponse classifyRaw(@RequestParam(name = "filename", required = false) String filename,
                                        @RequestParam(name = "attributes", defaultValue = "true") boolean attributes,
                                        HttpServletRequest request) throws IOException {
        String name = filename == null || filename.isBlank() ? RAW_NAME : filename;
        long limit = properties.maxImageBytes().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw RejectedUploadException.tooManyBytes(name, limit);
        }
        byte[] data;
        try (InputStream body = request.getInputStream()) {
            // Read one byte past the limit to notice a body without (or with a false) Content-Length.
            data = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
        if (data.length > limit) {
            throw RejectedUploadException.tooManyBytes(name, limit);
        }
        return service.classify(List.of(new Upload(name, data)), attributes);
    }
}
