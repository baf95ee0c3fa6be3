package com.example.garmentclassifier.jobs;


import com.example.garmentclassifier.web.HttpTestClient;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Waits, over the admin API, for a training job to finish ({@link JobState#isFinished}), and returns its view.
 * Polls twice a second: each admin request costs the service a bcrypt check of the password (about 60 ms
 * of CPU), so polling every 100-200 ms took a third of a core from the training it waits for.
 */
final class JobEnd {

    static final Duration POLL = Duration.ofMillis(500);

    private JobEnd() {
    }

    static JsonNode await(HttpTestClient admin, String id, Duration atMost) {
        return org.awaitility.Awaitility.await("job " + id + " to end").atMost(atMost)
                .pollInterval(POLL)
                .until(() -> admin.get("/admin/jobs/" + id).json(),
                        job -> JobState.valueOf(job.get("state").asString()).isFinished());
    }
}
