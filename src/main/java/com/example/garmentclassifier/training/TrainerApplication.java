package com.example.garmentclassifier.training;

import com.example.garmentclassifier.model.ModelStoreConfiguration;
import com.example.garmentclassifier.model.ModelStoreProperties;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The {@code --train} command line's own application: the model store, the data set and training, and
 * the command, with no web server and none of serving's beans (no model is loaded, no job service starts,
 * no shared-store follower polls). Serving classes need no guard to stay out of a training run, because
 * nothing here scans for them; the serving application leaves this class out of its scan in turn.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties({ModelStoreProperties.class, DatasetProperties.class})
@Import({ModelStoreConfiguration.class, TrainingConfiguration.class, TrainingPipeline.class, EnsembleComposer.class,
        CalibrationFitter.class, TrainCommand.class})
public class TrainerApplication {

    /** Runs {@code --train ...} and returns the command's exit code. */
    public static int run(String... args) {
        if (Arrays.asList(args).contains("--help")) {
            // Usage alone, without starting Spring (its banner and logs would bury it).
            System.out.println(TrainOptions.USAGE);
            return 0;
        }
        return SpringApplication.exit(application().run(args));
    }

    /** The application a training run starts, not yet run. */
    static SpringApplication application() {
        SpringApplication app = new SpringApplication(TrainerApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        // application.properties names serving's health contributors (the model) for the readiness probe; a
        // training run has none of them and serves no probe, so the names are not checked here.
        app.setDefaultProperties(Map.of("management.endpoint.health.validate-group-membership", "false"));
        return app;
    }
}
