package com.example.garmentclassifier.model;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How instances that serve one model store (replicas on a shared volume) keep in step
 * ({@code classifier.shared-store.*}).
 *
 * @param pollInterval   how often an instance checks the store's active version and serves it if another instance
 *                       activated a different one; 0 = never (one instance per store)
 * @param lockStaleAfter a training lock not refreshed for this long was left by an instance that died, and may be
 *                       taken over (the holder refreshes it every third of this)
 */
@ConfigurationProperties("classifier.shared-store")
public record SharedStoreProperties(@DefaultValue("2s") Duration pollInterval,
                                    @DefaultValue("60s") Duration lockStaleAfter) {

    public SharedStoreProperties {
        // Shorter, and a network volume's attribute caching (a peer sees a refresh late) makes live locks look stale.
        if (lockStaleAfter.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("classifier.shared-store.lock-stale-after must be at least 10s, was "
                    + lockStaleAfter);
        }
    }
}
