package com.example.garmentclassifier.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLockTest {

    private static final Duration STALE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void oneHolderAtATimeAndOthersSeeWho() {
        Path file = dir.resolve("training.lock");
        try (StoreLock first = StoreLock.tryAcquire(file, "pod-a", STALE).orElseThrow()) {
            assertThat(StoreLock.tryAcquire(file, "pod-b", STALE)).isEmpty();
            assertThat(StoreLock.holder(file, STALE)).contains("pod-a");
        }
        assertThat(file).doesNotExist();
        assertThat(StoreLock.holder(file, STALE)).isEmpty();
        Optional<StoreLock> second = StoreLock.tryAcquire(file, "pod-b", STALE);
        assertThat(second).isPresent();
        second.get().close();
    }

    @Test
    void aLockLeftByACrashedInstanceIsTakenOverOnceStale() throws Exception {
        Path file = dir.resolve("training.lock");
        Files.writeString(file, "pod-crashed 1234\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));

        assertThat(StoreLock.holder(file, STALE)).as("stale = nobody").isEmpty();
        try (StoreLock lock = StoreLock.tryAcquire(file, "pod-b", STALE).orElseThrow()) {
            assertThat(StoreLock.holder(file, STALE)).contains("pod-b");
        }
    }

    @Test
    void theHolderKeepsItFreshWhileItRuns() throws Exception {
        Path file = dir.resolve("training.lock");
        Duration stale = Duration.ofMillis(600);
        try (StoreLock lock = StoreLock.tryAcquire(file, "pod-a", stale).orElseThrow()) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofSeconds(5))));
            // The heartbeat (every 200 ms) makes the back-dated lock fresh again.
            await("the heartbeat to refresh the lock").atMost(Duration.ofSeconds(5))
                    .until(() -> StoreLock.holder(file, stale), holder -> holder.filter("pod-a"::equals).isPresent());
            assertThat(StoreLock.tryAcquire(file, "pod-b", stale)).isEmpty();
        }
    }

    @Test
    void releasingALockTakenOverByAnotherLeavesTheirs() throws Exception {
        Path file = dir.resolve("training.lock");
        StoreLock paused = StoreLock.tryAcquire(file, "pod-a", STALE).orElseThrow();
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        try (StoreLock taker = StoreLock.tryAcquire(file, "pod-b", STALE).orElseThrow()) {
            paused.close();
            assertThat(StoreLock.holder(file, STALE)).contains("pod-b");
        }
    }
}
