package com.example.garmentclassifier.model;

import com.example.garmentclassifier.inference.serving.ModelHolder;
import com.example.garmentclassifier.store.ModelStoreSeeder;
import com.example.garmentclassifier.store.StoreLayout;
import com.example.garmentclassifier.store.VersionWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the active model at startup, before the application reports itself ready. A missing or
 * broken model does not stop the application: health shows it DOWN and /classify answers 503.
 * A {@code --train} run never starts it (TrainerApplication does not scan for serving beans).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ModelBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ModelBootstrap.class);

    private final VersionWriter writer;
    private final StoreLayout layout;
    private final ModelHolder holder;
    private final ModelActivationService activation;
    private final ModelStoreSeeder seeder;

    public ModelBootstrap(VersionWriter writer, StoreLayout layout, ModelHolder holder,
                          ModelActivationService activation, ModelStoreSeeder seeder) {
        this.writer = writer;
        this.layout = layout;
        this.holder = holder;
        this.activation = activation;
        this.seeder = seeder;
    }

    @Override
    public void run(ApplicationArguments args) {
        writer.cleanTemporaryFiles();
        seeder.seedConfigured();
        if (!activation.activateAtStartup()) {
            String reason = "No usable model in the model store: train one with --train or restore the store";
            holder.markUnavailable(reason);
            log.error(reason + " ({})", layout.root());
        }
    }
}
