package com.example.garmentclassifier.jobs;


import com.example.garmentclassifier.web.HttpTestClient;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Waits, over the admin API, for a training job to finish ({@link JobState#isFinished}), and returns its view. */
final class JobEnd {

    private JobEnd() {
    }

    static JsonNode await(HttpTestClient admin, String id, Duration atMost) {
        return org.awaitility.Awaitility.await("job " + id + " to end").atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get("/admin/jobs/" + id).json(),
                        job -> JobState.valueOf(job.get("state").asString()).isFinished());
    }
}
