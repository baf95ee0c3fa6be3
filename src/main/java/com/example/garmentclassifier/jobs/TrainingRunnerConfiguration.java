package com.example.garmentclassifier.jobs;

import com.example.garmentclassifier.config.ClassifierProperties;
import com.example.garmentclassifier.model.ModelStore;
import com.example.garmentclassifier.training.InProcessTrainingRunner;
import com.example.garmentclassifier.training.TrainingPipeline;
import com.example.garmentclassifier.training.TrainingRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Where a job's training runs: in a child JVM (the default, see {@link ChildProcessTrainingRunner}) or in process. */
@Configuration(proxyBeanMethods = false)
class TrainingRunnerConfiguration {

    @Bean
    TrainingRunner trainingRunner(ClassifierProperties properties, TrainingPipeline pipeline, ModelStore store,
                                  JsonMapper json) {
        return properties.training().process() == ClassifierProperties.TrainingProcess.CHILD
                ? new ChildProcessTrainingRunner(properties, store, json, new TrainingLaunchCommand())
                : new InProcessTrainingRunner(pipeline, store, json);
    }
}
