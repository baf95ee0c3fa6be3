package com.example.garmentclassifier.model;

import com.example.garmentclassifier.training.TrainCommand;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;
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
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ModelBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ModelBootstrap.class);

    private final ModelStore store;
    private final ModelHolder holder;

    public ModelBootstrap(ModelStore store, ModelHolder holder) {
        this.store = store;
        this.holder = holder;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (TrainCommand.isRequested(args.getSourceArgs())) {
            return;
        }
        store.cleanTemporaryFiles();
        String active = store.activeVersion().orElse(null);
        if (active != null) {
            try {
                activate(store.load(active));
                return;
            } catch (RuntimeException e) {
                log.error("Active model version {} cannot be loaded: {}", active, e.getMessage());
            }
        } else {
            log.warn("No active model version in {}", store.root());
        }
        // Fall back to the newest loadable version rather than serve nothing.
        List<ModelMetadata> versions = store.list();
        for (ModelMetadata candidate : versions) {
            if (candidate.version().equals(active)) {
                continue;
            }
            try {
                activate(store.load(candidate.version()));
                log.warn("Serving fallback model version {} instead of '{}'", candidate.version(), active);
                return;
            } catch (RuntimeException e) {
                log.error("Model version {} cannot be loaded: {}", candidate.version(), e.getMessage());
            }
        }
        String reason = "No usable model in " + store.root().getFileName()
                + ": train one with --train or restore the model store";
        holder.markUnavailable(reason);
        log.error(reason);
    }

    private void activate(LoadedModel model) {
        // One forward pass so the first real request does not pay for native initialisation.
        model.predict(Nd4j.zeros(1, 28, 28, 1));
        holder.swap(model);
        log.info("Serving model version {} (test accuracy {})", model.version(), model.metadata().testAccuracy());
    }
}
