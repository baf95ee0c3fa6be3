package com.example.garmentclassifier.model;

import com.example.garmentclassifier.inference.InferenceProperties;
import com.example.garmentclassifier.store.ActiveVersion;
import com.example.garmentclassifier.store.MetadataRecords;
import com.example.garmentclassifier.store.ModelVersions;
import com.example.garmentclassifier.store.StoreLayout;
import com.example.garmentclassifier.store.StoreLocks;
import com.example.garmentclassifier.store.StoreOutput;
import com.example.garmentclassifier.store.VersionWriter;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model store's parts over one folder, wired to each other as ModelStoreConfiguration wires the
 * application's, for tests that save, read and activate versions without a Spring context.
 */
public record TestStore(StoreLayout layout, ModelVersions versions, VersionWriter writer, MetadataRecords records,
                        ActiveVersion active, StoreLocks locks, NetworkArchive archive) {

    public static TestStore at(Path root) {
        return at(root, StoreOutput.DISK);
    }

    /** @param output where new versions' files are written (a {@link FailingDisk} to simulate a full disk) */
    public static TestStore at(Path root, StoreOutput output) {
        JsonMapper json = JsonMapper.builder().build();
        StoreLayout layout = new StoreLayout(root);
        ModelVersions versions = new ModelVersions(layout, json);
        VersionWriter writer = new VersionWriter(layout, json, output);
        MetadataRecords records = new MetadataRecords(layout, versions, json);
        ActiveVersion active = new ActiveVersion(layout);
        StoreLocks locks = new StoreLocks(layout);
        return new TestStore(layout, versions, writer, records, active, locks,
                new NetworkArchive(versions, writer));
    }

    /** The same store with another archive over it (one that counts what it restores, say). */
    public TestStore withArchive(NetworkArchive other) {
        return new TestStore(layout, versions, writer, records, active, locks, other);
    }

    /** A loader over this store, as the application's is over its own. */
    public ModelLoader loader(InferenceProperties settings) {
        return new ModelLoader(archive, versions, records, settings);
    }

    /** The ONNX forms of this store's versions. */
    public OnnxArtifacts onnx() {
        return new OnnxArtifacts(versions, records);
    }
}
