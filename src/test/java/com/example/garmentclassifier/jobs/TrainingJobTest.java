package com.example.garmentclassifier.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.store.EpochMetrics;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrainingJobTest {

    private static final int BATCHES = 10;

    private final TrainingJob job = new TrainingJob("job-1", new RetrainRequest(null, null, null, 4, null, null,
            null, null, null, null), Instant.now());

    @Test
    void theTimeLeftFollowsTheLastFinishedEpochNotTheAverageSinceTheStart() {
        job.start();
        job.epochDone(epoch(1, 900));
        job.batchDone(2, 5, BATCHES);
        assertThat(job.view().progress().etaSeconds()).as("2.5 epochs at 900 s").isEqualTo(2_250.0);

        job.epochDone(epoch(2, 100));
        job.batchDone(3, 0, BATCHES);
        assertThat(job.view().progress().etaSeconds()).as("2 epochs at the last epoch's 100 s, not at the 500 s average")
                .isEqualTo(200.0);
        assertThat(job.view().progress().percent()).isEqualTo(50.0);
    }

    @Test
    void beforeTheFirstEpochEndsTheTimeLeftComesFromThePaceSoFar() {
        job.start();
        job.batchDone(1, 0, BATCHES);
        assertThat(job.view().progress().etaSeconds()).as("nothing done yet, no pace").isNull();

        job.batchDone(1, 5, BATCHES);
        assertThat(job.view().progress().etaSeconds()).isNotNull().isGreaterThanOrEqualTo(0.0);
    }

    private static EpochMetrics epoch(int epoch, double seconds) {
        return new EpochMetrics(epoch, 0.5, 0.9, 0.9, 0.001, seconds);
    }
}
