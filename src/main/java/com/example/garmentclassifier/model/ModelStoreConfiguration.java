package com.example.garmentclassifier.model;

import com.example.garmentclassifier.config.ClassifierProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ModelStoreConfiguration {

    @Bean
    ModelStore modelStore(ClassifierProperties properties, JsonMapper jsonMapper) {
        return new ModelStore(properties.modelStore(), jsonMapper);
    }

    @Bean
    ModelStoreSeeder modelStoreSeeder(ModelStore store, ClassifierProperties properties) {
        return new ModelStoreSeeder(store, properties.modelStoreSeed());
    }

    @Bean
    ModelLoader modelLoader(ModelStore store, ClassifierProperties properties) {
        return new ModelLoader(store, properties.inference());
    }

    @Bean
    ModelHolder modelHolder() {
        return new ModelHolder();
    }
}
