package com.example.garmentclassifier.model;

import com.example.garmentclassifier.inference.engine.ImageShape;
import com.example.garmentclassifier.inference.serving.LoadedModel;
import com.example.garmentclassifier.inference.serving.ModelHolder;
import com.example.garmentclassifier.store.ActiveVersion;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelVersions;
import com.example.garmentclassifier.store.StoreLayout;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Changes which version serves: loads and warms the new model completely, swaps it in, then
 * points the store at it so a restart serves the same version. Activations are serialised.
 */
@Service
public class ModelActivationService {

    private static final Logger log = LoggerFactory.getLogger(ModelActivationService.class);
    /** A version that failed to load (perhaps for want of memory, or a volume hiccup) is tried again after this. */
    private static final Duration RETRY_UNLOADABLE = Duration.ofMinutes(1);

    private final ModelVersions versions;
    private final ActiveVersion activeVersion;
    private final StoreLayout layout;
    private final ModelLoader loader;
    private final ModelHolder holder;
    private final Counter swaps;
    /** The store's active version that failed to load here, and when: a follower retries it only after a pause. */
    private String unloadableActive;
    private Instant unloadableSince = Instant.MIN;
    /** Following starts once the startup activation has run, so the two never load the same version twice. */
    private boolean started;

    public ModelActivationService(ModelVersions versions, ActiveVersion activeVersion, StoreLayout layout,
                                  ModelLoader loader, ModelHolder holder, MeterRegistry registry) {
        this.versions = versions;
        this.activeVersion = activeVersion;
        this.layout = layout;
        this.loader = loader;
        this.holder = holder;
        this.swaps = Counter.builder("classifier.model.swaps").description("Times the serving model was replaced")
                .register(registry);
        Gauge.builder("classifier.model.fallback", holder, h -> h.fallbackReason().isPresent() ? 1 : 0)
                .description("1 while serving a fallback because the active version could not be loaded")
                .register(registry);
        Gauge.builder("classifier.model.accuracy", holder, h -> h.current().map(m -> m.metadata().testAccuracy())
                        .orElse(Double.NaN))
                .description("Test accuracy of the serving model").register(registry);
    }

    /** Makes {@code version} the serving and the startup version; returns its metadata. */
    public synchronized ModelMetadata activate(String version) {
        LoadedModel model = loader.load(version);
        try {
            warmUp(model);
            activeVersion.activate(version);
        } catch (RuntimeException e) {
            model.discard();
            throw e;
        }
        holder.swap(model);
        holder.markFallback(null);
        swaps.increment();
        log.info("Serving model version {} (test accuracy {}) on {}", version, model.metadata().testAccuracy(),
                model.engine().engine());
        return model.metadata();
    }

    /**
     * Serves the store's active version when another instance sharing the store activated it.
     * Loads and warms it before the swap, like {@link #activate}; a version that fails to load
     * here is logged once and not retried until the store names another.
     *
     * @return whether this instance swapped to another version
     */
    public synchronized boolean followStore() {
        String active = activeVersion.current().orElse(null);
        String serving = holder.current().map(LoadedModel::version).orElse(null);
        if (!started || active == null) {
            return false;
        }
        if (active.equals(serving)) {
            // A fallback served at startup may have become the active version since: it is no longer a fallback.
            holder.markFallback(null);
            return false;
        }
        if (active.equals(unloadableActive) && Instant.now().isBefore(unloadableSince.plus(RETRY_UNLOADABLE))) {
            return false;
        }
        LoadedModel model = null;
        try {
            model = loader.load(active);
            warmUp(model);
        } catch (RuntimeException e) {
            if (model != null) {
                model.discard();
            }
            unloadableActive = active;
            unloadableSince = Instant.now();
            holder.markFallback("the active version " + active + " (activated by another instance) cannot be loaded"
                    + " here: " + e.getMessage() + "; still serving " + serving);
            log.error("Another instance activated model version {}, which cannot be loaded here: {}; still serving {}"
                    + " (retrying in {})", active, e.getMessage(), serving, RETRY_UNLOADABLE);
            return false;
        }
        holder.swap(model);
        holder.markFallback(null);
        swaps.increment();
        log.info("Serving model version {}, activated in the shared store by another instance", active);
        return true;
    }

    /** Deletes a stored version; the serving one cannot be deleted. */
    public synchronized void delete(String version) {
        String serving = holder.current().map(LoadedModel::version).orElse(null);
        if (version.equals(serving) || version.equals(activeVersion.current().orElse(null))) {
            throw new ActiveModelDeletionException(version);
        }
        versions.delete(version);
        log.info("Deleted model version {}", version);
    }

    /**
     * Loads the version the store names at startup. If it cannot be loaded, falls back to the most
     * recently active version that loads (never to a candidate that was only stored, e.g. one the
     * promotion gate rejected) and says so in health, metrics and the log; only a store without an
     * activation history falls back to its newest loadable version.
     */
    synchronized boolean activateAtStartup() {
        started = true;
        String active = activeVersion.current().orElse(null);
        String failure;
        if (active != null) {
            try {
                serve(loader.load(active));
                return true;
            } catch (RuntimeException e) {
                failure = "active version " + active + " cannot be loaded: " + e.getMessage();
                unloadableActive = active;
                unloadableSince = Instant.now();
                log.error("Active model version {} cannot be loaded: {}", active, e.getMessage());
            }
        } else {
            failure = "no active version is set";
            log.warn("No active model version in {}", layout.root());
        }
        List<String> history = activeVersion.history();
        List<String> candidates = history.isEmpty()
                ? versions.list().stream().map(ModelMetadata::version).toList() : history;
        for (String candidate : candidates) {
            if (candidate.equals(active)) {
                continue;
            }
            try {
                serve(loader.load(candidate));
                String reason = failure + "; serving " + candidate + ", "
                        + (history.isEmpty() ? "the newest loadable version (the store has no activation history)"
                        : "the most recently active version that loads");
                holder.markFallback(reason);
                log.error("Serving fallback model version {}: {}", candidate, reason);
                return true;
            } catch (RuntimeException e) {
                log.error("Model version {} cannot be loaded: {}", candidate, e.getMessage());
            }
        }
        return false;
    }

    private void serve(LoadedModel model) {
        try {
            warmUp(model);
        } catch (RuntimeException e) {
            model.discard();
            throw e;
        }
        holder.swap(model);
        log.info("Serving model version {} (test accuracy {})", model.version(), model.metadata().testAccuracy());
    }

    /** One forward pass so the first real request does not pay for native initialisation. */
    private static void warmUp(LoadedModel model) {
        model.predict(new float[][] {new float[ImageShape.GARMENT.pixels()]});
    }
}
