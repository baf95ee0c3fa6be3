package com.example.garmentclassifier.jobs;

import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health component "training": always UP (a failed job does not make serving unhealthy); shows a running job's progress. */
@Component("training")
public class TrainingHealthIndicator implements HealthIndicator {

    private final TrainingJobService jobs;

    public TrainingHealthIndicator(TrainingJobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public Health health() {
        return jobs.activeJob().map(job -> Health.up()
                        .withDetail("job", job.id())
                        .withDetail("state", job.state())
                        .withDetail("epoch", job.progress().epoch() + "/" + job.progress().epochs())
                        .withDetail("percent", job.progress().percent())
                        .withDetail("etaSeconds", job.progress().etaSeconds() == null ? "unknown" : job.progress().etaSeconds())
                        .build())
                .orElseGet(() -> {
                    List<TrainingJobView> all = jobs.list();
                    Health.Builder idle = Health.up().withDetail("state", "IDLE");
                    if (!all.isEmpty()) {
                        idle.withDetail("lastJob", all.get(0).id()).withDetail("lastJobState", all.get(0).state());
                    }
                    return idle.build();
                });
    }
}
