package com.example.garmentclassifier.model;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance serving the version that the shared model store names as active, so a
 * version activated on one replica (by an admin or a finished training job) is served by every
 * replica within one poll interval, with the same load-warm-swap as a local activation. Polling a
 * small file is used rather than file-system events, which network volumes do not deliver.
 */
@Component
class SharedStoreFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SharedStoreFollower.class);

    private final ModelActivationService activation;
    private final Duration interval;
    private ScheduledExecutorService poller;

    SharedStoreFollower(ModelActivationService activation, SharedStoreProperties sharedStore) {
        this.activation = activation;
        this.interval = sharedStore.pollInterval();
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || interval.isNegative() || poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "shared-store-follower");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            activation.followStore();
        } catch (RuntimeException e) {
            // A store that is briefly unreadable (a network volume remounting) must not end the polling.
            log.warn("Cannot check the model store's active version: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}
