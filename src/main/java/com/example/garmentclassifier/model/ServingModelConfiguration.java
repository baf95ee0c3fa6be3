package com.example.garmentclassifier.model;

import com.example.garmentclassifier.inference.InferenceProperties;
import com.example.garmentclassifier.store.MetadataRecords;
import com.example.garmentclassifier.store.ModelVersions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What serving adds to the store: the loader that turns a stored version into a served one (the holder of
 * the version serving now is the serving runtime's, in the inference package). Kept apart from
 * {@link ModelStoreConfiguration}, which the training command line's application imports too, so that a
 * training run has no loader.
 */
@Configuration(proxyBeanMethods = false)
class ServingModelConfiguration {

    @Bean
    ModelLoader modelLoader(NetworkArchive archive, ModelVersions versions, MetadataRecords records,
                            InferenceProperties settings) {
        return new ModelLoader(archive, versions, records, settings);
    }
}
