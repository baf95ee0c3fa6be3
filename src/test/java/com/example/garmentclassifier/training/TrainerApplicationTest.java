package com.example.garmentclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.GarmentClassifierApplication;
import com.example.garmentclassifier.inference.serving.ModelHolder;
import com.example.garmentclassifier.jobs.TrainingJobService;
import com.example.garmentclassifier.model.ModelBootstrap;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.annotation.AnnotationUtils;

/** The training command line's application holds what training needs and none of serving's beans. */
class TrainerApplicationTest {

    @TempDir
    Path store;

    @Test
    void aTrainingRunStartsNoServingBeans() {
        // Without --train the command does nothing, so the context can be looked at as a run would have it.
        try (ConfigurableApplicationContext context = TrainerApplication.application().run("--classifier.model-store=" + store,
                "--classifier.model-store-seed=")) {
            assertThat(context.getBeansOfType(TrainCommand.class)).hasSize(1);
            assertThat(context.getBeansOfType(TrainingPipeline.class)).hasSize(1);
            assertThat(context.getBeansOfType(ModelBootstrap.class)).as("no model is loaded").isEmpty();
            assertThat(context.getBeansOfType(ModelHolder.class)).isEmpty();
            assertThat(context.containsBean("sharedStoreFollower")).as("no store polling").isFalse();
            assertThat(context.getBeansOfType(TrainingJobService.class)).as("a child takes over no job history").isEmpty();
        }
    }

    @Test
    void theServiceLeavesTheTrainerOutOfItsScan() {
        ComponentScan scan = AnnotationUtils.findAnnotation(GarmentClassifierApplication.class, ComponentScan.class);
        assertThat(scan).isNotNull();
        assertThat(scan.excludeFilters()).anySatisfy(filter ->
                assertThat(filter.classes()).contains(TrainerApplication.class));
    }
}
