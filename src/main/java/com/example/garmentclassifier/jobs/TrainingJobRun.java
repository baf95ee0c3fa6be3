package com.example.garmentclassifier.jobs;

import com.example.garmentclassifier.store.EpochMetrics;
import com.example.garmentclassifier.store.MetadataRecords;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.StoreLock;
import com.example.garmentclassifier.training.TrainingCancelledException;
import com.example.garmentclassifier.training.TrainingFailedException;
import com.example.garmentclassifier.training.TrainingProgress;
import com.example.garmentclassifier.training.TrainingRunner;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * How one job runs once it holds the store's training lock: trained (or carried on from its checkpoint)
 * by the runner, named in the metadata of the version it made, judged by the promotion gate and activated
 * if promoted, and recorded however it ends. {@link TrainingJobService} decides which job runs, and when.
 */
class TrainingJobRun {

    // Under the service's name, as before this was split from it, so that log filters keep matching.
    private static final Logger log = LoggerFactory.getLogger(TrainingJobService.class);

    private final TrainingRunner runner;
    private final TrainingJobRepository repository;
    private final MetadataRecords records;
    private final JobPromotion promotion;
    private final JsonMapper json;
    private final AtomicReference<Double> lastDurationSeconds = new AtomicReference<>(Double.NaN);

    TrainingJobRun(TrainingRunner runner, TrainingJobRepository repository, MetadataRecords records,
                   JobPromotion promotion, JsonMapper json) {
        this.runner = runner;
        this.repository = repository;
        this.records = records;
        this.promotion = promotion;
        this.json = json;
    }

    /** How long the last job that ended here took (NaN until one has), for the service's gauge. */
    AtomicReference<Double> lastDurationSeconds() {
        return lastDurationSeconds;
    }

    /** Runs the job while it holds the store's training lock, which it releases however it ends. */
    void run(TrainingJob job, StoreLock lock) {
        try (lock) {
            synchronized (job) {
                if (job.state() != JobState.QUEUED) {
                    return; // cancelled while queued
                }
                job.start();
            }
            train(job, lock);
        }
    }

    private void train(TrainingJob job, StoreLock lock) {
        repository.save(job.view());
        try {
            RetrainRequest request = job.request();
            Path checkpoints = repository.checkpointDirectory(job.id());
            ModelMetadata stored;
            if (job.resumed()) {
                stored = runner.resume(checkpoints, progress(job, lock));
            } else {
                String serving = promotion.serving();
                String warmVersion = null;
                if (request.warmStartRequested()) {
                    warmVersion = Optional.ofNullable(serving).orElseThrow(() ->
                            new TrainingFailedException("warmStart needs a serving model, and none is loaded"));
                }
                stored = runner.train(request.toParameters(serving), warmVersion, progress(job, lock), checkpoints);
            }
            recordJob(stored.version(), job);
            PromotionDecision decision = promotion.decide(request.promotion(), stored);
            if (lock.lost()) {
                throw new TrainingFailedException("another instance took over the store's training lock while this"
                        + " job ran (was this instance paused?); version " + stored.version() + " is stored, not"
                        + " activated");
            }
            if (decision.promoted()) {
                promotion.activate(stored.version());
            }
            // Freed before the job reads as ended: whoever sees SUCCEEDED sees the checkpoints gone.
            repository.deleteCheckpoints(job.id());
            job.succeed(stored.version(), decision);
            log.info("Training job {} succeeded: version {}, {}", job.id(), stored.version(), decision.reason());
        } catch (TrainingCancelledException e) {
            if (!job.cancelRequested() || !TrainingJobService.SHUTDOWN_REASON.equals(job.view().cancelReason())) {
                repository.deleteCheckpoints(job.id());
            }
            job.cancel();
            log.info("Training job {} cancelled", job.id());
        } catch (TrainingFailedException e) {
            // A failed job is never carried on, so its checkpoints would only fill the store.
            repository.deleteCheckpoints(job.id());
            job.fail(e.getMessage());
            log.warn("Training job {} failed: {}", job.id(), e.getMessage());
        } catch (RuntimeException e) {
            repository.deleteCheckpoints(job.id());
            job.fail("Training failed unexpectedly (" + e.getClass().getSimpleName() + "); see the service log for "
                    + job.id());
            log.error("Training job {} failed", job.id(), e);
        } finally {
            Double seconds = job.durationSeconds();
            if (seconds != null) {
                lastDurationSeconds.set(seconds);
            }
            repository.save(job.view());
        }
    }

    /** Names the job and its request in the stored version's metadata: how the version was made. */
    private void recordJob(String version, TrainingJob job) {
        try {
            records.recordTrainingJob(version, job.id(), json.convertValue(job.request(), Map.class));
        } catch (RuntimeException e) {
            log.warn("Could not record job {} in the metadata of version {}: {}", job.id(), version, e.getMessage());
        }
    }

    private TrainingProgress progress(TrainingJob job, StoreLock lock) {
        return new TrainingProgress() {
            @Override
            public void batchDone(int epoch, int batch, int batchesPerEpoch) {
                job.batchDone(epoch, batch, batchesPerEpoch);
            }

            @Override
            public void epochDone(EpochMetrics metrics, double etaSeconds) {
                job.epochDone(metrics);
                repository.save(job.view());
            }

            @Override
            public boolean cancelRequested() {
                if (lock.lost()) {
                    job.requestCancel("another instance took over the store's training lock");
                }
                return job.cancelRequested();
            }
        };
    }
}
