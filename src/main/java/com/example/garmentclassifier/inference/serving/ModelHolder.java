package com.example.garmentclassifier.inference.serving;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The model that serves requests. Swapping replaces one reference: work already running keeps
 * the model it leased and finishes on it; new work sees the new model.
 */
public class ModelHolder {

    private final AtomicReference<LoadedModel> current = new AtomicReference<>();
    private volatile String unavailableReason = "the model is still loading";
    private volatile String fallbackReason;

    public Optional<LoadedModel> current() {
        return Optional.ofNullable(current.get());
    }

    public String unavailableReason() {
        return unavailableReason;
    }

    public void markUnavailable(String reason) {
        this.unavailableReason = reason;
    }

    /** Why a fallback serves instead of the active version; empty when the active version serves. */
    public Optional<String> fallbackReason() {
        return Optional.ofNullable(fallbackReason);
    }

    /** @param reason why the active version is not the one serving, or null when it is again */
    public void markFallback(String reason) {
        this.fallbackReason = reason;
    }

    /** Runs {@code work} on the current model, which stays loaded until the work returns. */
    public <T> T withModel(Function<LoadedModel, T> work) {
        while (true) {
            LoadedModel model = current.get();
            if (model == null) {
                throw new ModelUnavailableException(unavailableReason);
            }
            if (model.tryAcquire()) {
                try {
                    return work.apply(model);
                } finally {
                    model.releaseLease();
                }
            }
            // Lost a race with a swap: the retired model refused the lease, so read the reference again.
        }
    }

    /** Makes {@code next} the serving model; the previous one is freed once its last request ends. */
    public void swap(LoadedModel next) {
        LoadedModel previous = current.getAndSet(next);
        if (previous != null && previous != next) {
            previous.retire();
        }
    }
}
