package com.example.garmentclassifier;

import com.example.garmentclassifier.training.TrainCommand;
import com.example.garmentclassifier.training.TrainerApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The service. {@code @SpringBootApplication} spelt out, so that its scan can leave out the training
 * command line's own application ({@link TrainerApplication}), which {@code --train} starts instead.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = TrainerApplication.class)})
@ConfigurationPropertiesScan
public class GarmentClassifierApplication {

    public static void main(String[] args) {
        if (TrainCommand.isRequested(args)) {
            System.exit(TrainerApplication.run(args));
        }
        SpringApplication.run(GarmentClassifierApplication.class, args);
    }
}
