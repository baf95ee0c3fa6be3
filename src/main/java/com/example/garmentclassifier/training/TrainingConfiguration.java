package com.example.garmentclassifier.training;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TrainingConfiguration {

    @Bean
    IdxReader idxReader() {
        return new IdxReader();
    }

    @Bean
    ModelTrainer modelTrainer() {
        return new ModelTrainer();
    }

    @Bean
    ModelEvaluator modelEvaluator() {
        return new ModelEvaluator();
    }
}
