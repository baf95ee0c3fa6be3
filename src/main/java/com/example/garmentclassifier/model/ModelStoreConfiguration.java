package com.example.garmentclassifier.model;

import com.example.garmentclassifier.store.ActiveVersion;
import com.example.garmentclassifier.store.MetadataRecords;
import com.example.garmentclassifier.store.ModelStoreSeeder;
import com.example.garmentclassifier.store.ModelVersions;
import com.example.garmentclassifier.store.StoreLayout;
import com.example.garmentclassifier.store.StoreLocks;
import com.example.garmentclassifier.store.StoreOutput;
import com.example.garmentclassifier.store.VersionWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model store's parts, one of each over {@code classifier.model-store}, and the {@link NetworkArchive}
 * that saves and restores DL4J networks through them: they are shared so that their locks (and the
 * checksum cache) cover every caller. The store package itself knows no Spring.
 */
@Configuration(proxyBeanMethods = false)
public class ModelStoreConfiguration {

    @Bean
    StoreLayout storeLayout(ModelStoreProperties properties) {
        return new StoreLayout(properties.modelStore());
    }

    @Bean
    ModelVersions modelVersions(StoreLayout layout, JsonMapper jsonMapper) {
        return new ModelVersions(layout, jsonMapper);
    }

    /** The files new versions are written to: the disk, unless a test puts a failing one in its place. */
    @Bean
    StoreOutput storeOutput() {
        return StoreOutput.DISK;
    }

    @Bean
    VersionWriter versionWriter(StoreLayout layout, JsonMapper jsonMapper, StoreOutput output) {
        return new VersionWriter(layout, jsonMapper, output);
    }

    @Bean
    MetadataRecords metadataRecords(StoreLayout layout, ModelVersions versions, JsonMapper jsonMapper) {
        return new MetadataRecords(layout, versions, jsonMapper);
    }

    @Bean
    ActiveVersion activeVersion(StoreLayout layout) {
        return new ActiveVersion(layout);
    }

    @Bean
    StoreLocks storeLocks(StoreLayout layout) {
        return new StoreLocks(layout);
    }

    @Bean
    NetworkArchive networkArchive(ModelVersions versions, VersionWriter writer) {
        return new NetworkArchive(versions, writer);
    }

    @Bean
    ModelStoreSeeder modelStoreSeeder(StoreLayout layout, VersionWriter writer, ActiveVersion active,
                                      ModelStoreProperties properties) {
        return new ModelStoreSeeder(layout, writer, active, properties.modelStoreSeed());
    }
}
