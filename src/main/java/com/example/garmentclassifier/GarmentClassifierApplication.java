package com.example.garmentclassifier;

import com.example.garmentclassifier.training.TrainCommand;
import com.example.garmentclassifier.training.TrainOptions;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GarmentClassifierApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(GarmentClassifierApplication.class);
        if (!TrainCommand.isRequested(args)) {
            app.run(args);
            return;
        }
        if (java.util.Arrays.asList(args).contains("--help")) {
            // Usage alone, without starting Spring (its banner and logs would bury it).
            System.out.println(TrainOptions.USAGE);
            return;
        }
        // Training from the command line needs no web server and no serving model; exit with the command's code.
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles(TrainCommand.PROFILE);
        System.exit(SpringApplication.exit(app.run(args)));
    }
}
