package com.example.garmentclassifier.jobs;

import com.example.garmentclassifier.inference.serving.ModelHolder;
import com.example.garmentclassifier.model.ModelActivationService;
import com.example.garmentclassifier.model.NetworkArchive;
import com.example.garmentclassifier.store.MetadataRecords;
import com.example.garmentclassifier.store.ModelVersions;
import com.example.garmentclassifier.store.StoreLayout;
import com.example.garmentclassifier.store.VersionWriter;
import com.example.garmentclassifier.training.DatasetProperties;
import com.example.garmentclassifier.training.IdxReader;
import com.example.garmentclassifier.training.InProcessTrainingRunner;
import com.example.garmentclassifier.training.TrainingPipeline;
import com.example.garmentclassifier.training.TrainingRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a job's training runs: in a child JVM (the default, see {@link ChildProcessTrainingRunner}) or in
 * process; and the gate that judges the version it made, over the configured data set, with what promotes it.
 */
@Configuration(proxyBeanMethods = false)
class TrainingRunnerConfiguration {

    @Bean
    TrainingRunner trainingRunner(TrainingJobProperties training, DatasetProperties dataset,
                                  TrainingPipeline pipeline, NetworkArchive archive, StoreLayout layout,
                                  ModelVersions versions, VersionWriter writer, JsonMapper json) {
        return training.process() == TrainingJobProperties.TrainingProcess.CHILD
                ? new ChildProcessTrainingRunner(training, dataset.datasetDir(), layout, versions, writer, json,
                        new TrainingLaunchCommand())
                : new InProcessTrainingRunner(pipeline, archive, json);
    }

    @Bean
    ValidationGate validationGate(ModelVersions versions, NetworkArchive archive, MetadataRecords records,
                                  IdxReader reader, DatasetProperties dataset) {
        return new ValidationGate(versions, archive, records, reader, dataset.datasetDir());
    }

    @Bean
    JobPromotion jobPromotion(ValidationGate gate, ModelHolder holder, ModelActivationService activation,
                              TrainingJobProperties training) {
        return new JobPromotion(gate, holder, activation, training.promotionTolerance());
    }
}
