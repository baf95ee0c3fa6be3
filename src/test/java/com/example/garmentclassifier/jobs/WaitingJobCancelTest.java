package com.example.garmentclassifier.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.example.garmentclassifier.BoundProperties;
import com.example.garmentclassifier.model.SharedStoreProperties;
import com.example.garmentclassifier.model.TestStore;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.StoreLock;
import com.example.garmentclassifier.training.TrainingParameters;
import com.example.garmentclassifier.training.TrainingProgress;
import com.example.garmentclassifier.training.TrainingRunner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * After a restart, a job that checkpointed an epoch waits to carry on until the dead process's training lock
 * goes stale (a minute by default). An admin can cancel it in that minute: it is recorded CANCELLED, its
 * checkpoints are freed, and it is not started afterwards. Before, the cancel was refused as "another instance's".
 */
class WaitingJobCancelTest {

    private static final String JOB = "job-20990101-000000-wait";

    @TempDir
    Path storeDir;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aJobWaitingToCarryOnCanBeCancelledAndIsNotStartedAfterwards() throws IOException {
        TestStore store = TestStore.at(storeDir);
        TrainingJobRepository repository = new TrainingJobRepository(store.layout().jobs(), json);
        TrainingJob crashed = new TrainingJob(JOB, RetrainRequest.DEFAULTS, Instant.parse("2099-01-01T00:00:00Z"));
        crashed.start();
        repository.save(crashed.view());
        Path checkpoints = Files.createDirectories(repository.checkpointDirectory(JOB));
        Files.writeString(checkpoints.resolve("latest"), "epoch-001");
        // The process that ran it died a moment ago: its lock has not gone stale yet.
        try (StoreLock deadProcess = store.locks().tryLock(TrainingJobService.TRAINING_LOCK, "4242@gone",
                Duration.ofMinutes(1)).orElseThrow()) {
            TrainingJobService restarted = new TrainingJobService(new NeverRuns(),
                    new TrainingJobStore(store.layout(), store.writer(), store.locks(), store.records()),
                    mock(JobPromotion.class), BoundProperties.defaults(TrainingJobProperties.class),
                    BoundProperties.defaults(SharedStoreProperties.class), json, new SimpleMeterRegistry());
            restarted.resumeStoppedJob();
            assertThat(restarted.activeJob()).as("it waits for the lock").isEmpty();

            TrainingJobView cancelled = restarted.cancel(JOB);

            assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
            assertThat(cancelled.cancelReason()).contains("DELETE /admin/jobs/" + JOB).contains("waited to carry on");
            assertThat(restarted.get(JOB).state()).as("as recorded").isEqualTo(JobState.CANCELLED);
            assertThat(checkpoints).as("nothing carries it on, so its checkpoints are freed").doesNotExist();
            assertThatThrownBy(() -> restarted.cancel(JOB)).isInstanceOf(JobConflictException.class);

            deadProcess.close();
            restarted.resumeStoppedJob();
            assertThat(restarted.activeJob()).as("the lock is free now, and nothing is carried on").isEmpty();
            assertThat(restarted.get(JOB).state()).isEqualTo(JobState.CANCELLED);
        }
    }

    /** The test fails if anything is trained or carried on. */
    private static final class NeverRuns implements TrainingRunner {

        @Override
        public ModelMetadata train(TrainingParameters params, String warm, TrainingProgress progress, Path checkpoints) {
            throw new AssertionError("nothing should train");
        }

        @Override
        public ModelMetadata resume(Path checkpoints, TrainingProgress progress) {
            throw new AssertionError("a cancelled job must not be carried on");
        }
    }
}
