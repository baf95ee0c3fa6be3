package com.example.garmentclassifier.training;

import com.example.garmentclassifier.config.ClassifierProperties;
import com.example.garmentclassifier.model.ModelStore;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;
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

    @Bean
    TrainingRunner trainingRunner(ClassifierProperties properties, TrainingPipeline pipeline, ModelStore store,
                                  JsonMapper json) {
        return properties.training().process() == ClassifierProperties.TrainingProcess.CHILD
                ? new ChildProcessTrainingRunner(properties, store, json, new TrainingLaunchCommand())
                : new InProcessTrainingRunner(pipeline, store, json);
    }
}
