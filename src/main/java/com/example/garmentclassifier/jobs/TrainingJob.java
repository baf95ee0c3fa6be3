package com.example.garmentclassifier.jobs;

import com.example.garmentclassifier.store.EpochMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Mutable state of one job, updated by the training thread and read by request threads. */
final class TrainingJob {

    private final String id;
    private final RetrainRequest request;
    private final Instant createdAt;
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private final List<Instant> resumedAt = new ArrayList<>();
    private JobState state;
    private Instant startedAt;
    private Instant finishedAt;
    private TrainingJobView.Progress progress;
    private String modelVersion;
    private PromotionDecision promotion;
    private String failureReason;
    private volatile String cancelReason;

    TrainingJob(String id, RetrainRequest request, Instant createdAt) {
        this.id = id;
        this.request = request;
        this.createdAt = createdAt;
        this.state = JobState.QUEUED;
        int total = request.epochsOrDefault();
        this.progress = new TrainingJobView.Progress(0, total, 0, 0, 0, null);
    }

    /** A job stopped by a restart or a crash after a checkpoint, queued again to carry on from it. */
    static TrainingJob resume(TrainingJobView view, Instant now) {
        TrainingJob job = restore(view);
        job.state = JobState.QUEUED;
        job.finishedAt = null;
        job.failureReason = null;
        job.cancelReason = null;
        job.resumedAt.add(now);
        return job;
    }

    static TrainingJob restore(TrainingJobView view) {
        TrainingJob job = new TrainingJob(view.id(), view.request(), view.createdAt());
        job.state = view.state();
        job.startedAt = view.startedAt();
        job.finishedAt = view.finishedAt();
        job.progress = view.progress();
        if (view.epochs() != null) {
            job.epochs.addAll(view.epochs());
        }
        job.modelVersion = view.modelVersion();
        job.promotion = view.promotion();
        job.failureReason = view.failureReason();
        job.cancelReason = view.cancelReason();
        if (view.resumedAt() != null) {
            job.resumedAt.addAll(view.resumedAt());
        }
        return job;
    }

    String id() {
        return id;
    }

    RetrainRequest request() {
        return request;
    }

    boolean cancelRequested() {
        return cancelReason != null;
    }

    /** @param reason who or what asked, kept in the job's record (the first reason wins) */
    synchronized void requestCancel(String reason) {
        if (cancelReason == null) {
            cancelReason = reason;
        }
    }

    synchronized JobState state() {
        return state;
    }

    synchronized Instant createdAt() {
        return createdAt;
    }

    synchronized void start() {
        state = JobState.RUNNING;
        if (startedAt == null) {
            startedAt = Instant.now();
        }
    }

    /** Whether this run carries on from a checkpoint rather than starting afresh. */
    synchronized boolean resumed() {
        return !resumedAt.isEmpty();
    }

    synchronized void batchDone(int epoch, int batch, int batchesPerEpoch) {
        int total = progress.epochs();
        double epochsDone = (epoch - 1) + batch / (double) batchesPerEpoch;
        Double eta = secondsLeft(total - epochsDone, epochsDone);
        progress = new TrainingJobView.Progress(epoch, total, batch, batchesPerEpoch,
                Math.round(epochsDone / total * 1000) / 10.0, eta == null ? null : Math.round(eta * 10) / 10.0);
    }

    /**
     * At the pace of the last finished epoch: an average since the job started would go on counting every
     * slow stretch behind it (a busy machine, the downtime before a resume) long after it ended. Before
     * the first epoch ends, the pace since the start is all there is.
     */
    private Double secondsLeft(double epochsLeft, double epochsDone) {
        if (!epochs.isEmpty()) {
            return epochsLeft * epochs.get(epochs.size() - 1).seconds();
        }
        if (startedAt == null || epochsDone <= 0) {
            return null;
        }
        double elapsed = Duration.between(startedAt, Instant.now()).toMillis() / 1000.0;
        return elapsed / epochsDone * epochsLeft;
    }

    synchronized void epochDone(EpochMetrics metrics) {
        // An epoch reported but not checkpointed before a crash is trained again after the resume.
        epochs.removeIf(done -> done.epoch() >= metrics.epoch());
        epochs.add(metrics);
    }

    synchronized void succeed(String version, PromotionDecision decision) {
        modelVersion = version;
        promotion = decision;
        progress = new TrainingJobView.Progress(progress.epochs(), progress.epochs(), progress.batchesPerEpoch(),
                progress.batchesPerEpoch(), 100, 0.0);
        finish(JobState.SUCCEEDED);
    }

    synchronized void fail(String reason) {
        failureReason = reason;
        finish(JobState.FAILED);
    }

    synchronized void cancel() {
        finish(JobState.CANCELLED);
    }

    private void finish(JobState end) {
        state = end;
        finishedAt = Instant.now();
    }

    synchronized Double durationSeconds() {
        if (startedAt == null || finishedAt == null) {
            return null;
        }
        return Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
    }

    synchronized TrainingJobView view() {
        return new TrainingJobView(id, state, request, createdAt, startedAt, finishedAt, progress, List.copyOf(epochs),
                modelVersion, promotion, failureReason, cancelReason != null && !state.isFinished(),
                state == JobState.SUCCEEDED || state == JobState.FAILED ? null : cancelReason, List.copyOf(resumedAt));
    }
}
