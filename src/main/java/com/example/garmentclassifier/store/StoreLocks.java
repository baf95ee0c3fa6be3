package com.example.garmentclassifier.store;

import java.time.Duration;
import java.util.Optional;

/**
 * The store-wide locks, one file {@code name.lock} each in the store's root, shared by every
 * instance that serves this store; see {@link StoreLock}.
 */
public class StoreLocks {

    private final StoreLayout layout;

    public StoreLocks(StoreLayout layout) {
        this.layout = layout;
    }

    /**
     * @return the lock, or empty while another instance holds it
     * @throws IllegalArgumentException when {@code name} is not a plain file name
     */
    public Optional<StoreLock> tryLock(String name, String owner, Duration staleAfter) {
        return StoreLock.tryAcquire(layout.lockFile(name), owner, staleAfter);
    }

    /** Who holds the store-wide lock {@code name}, if anyone does. */
    public Optional<String> holder(String name, Duration staleAfter) {
        return StoreLock.holder(layout.lockFile(name), staleAfter);
    }
}
