package com.example.garmentclassifier.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store's parts over a folder, and versions written into it through {@link VersionWriter} with a
 * stand-in model file: the store holds and checks files whatever they contain, so its tests need no
 * DL4J network (the model package's NetworkArchiveTest saves real ones).
 */
record TestVersions(StoreLayout layout, ModelVersions versions, VersionWriter writer, MetadataRecords records,
                    ActiveVersion active) {

    static final byte[] MODEL_BYTES = "a stand-in for a network".getBytes(StandardCharsets.UTF_8);

    static TestVersions at(Path root) {
        return at(root, JsonMapper.builder().build());
    }

    static TestVersions at(Path root, JsonMapper json) {
        StoreLayout layout = new StoreLayout(root);
        ModelVersions versions = new ModelVersions(layout, json);
        return new TestVersions(layout, versions, new VersionWriter(layout, json, StoreOutput.DISK),
                new MetadataRecords(layout, versions, json), new ActiveVersion(layout));
    }

    /** Writes a new version created at {@code createdAt}; returns its metadata as stored. */
    ModelMetadata write(Instant createdAt) {
        return writer.write(createdAt, version -> draft(createdAt).withVersion(version.id())
                .withFile(StoreLayout.MODEL_FILE, version.write(StoreLayout.MODEL_FILE, out -> out.write(MODEL_BYTES))));
    }

    static ModelMetadata draft(Instant createdAt) {
        List<String> labels = IntStream.range(0, 10).mapToObj(i -> "class " + i).toList();
        return new ModelMetadata(null, createdAt, "stand-in", 0, labels, null, null,
                new ModelMetadata.Training(Map.of("epochs", 1), 7, 1.0, 10, 2, 1, null, List.of()),
                new EvaluationReport(0, 0.5, List.of(), new int[10][10]), null, null, null, null, null);
    }
}
