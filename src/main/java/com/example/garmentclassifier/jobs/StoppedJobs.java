package com.example.garmentclassifier.jobs;

import com.example.garmentclassifier.store.StoreLocks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What stopped processes left in the job records: jobs that can never finish as they were, recorded
 * FAILED with why, and jobs whose run checkpointed an epoch, which the next instance to start carries on.
 * Kept apart from {@link TrainingJobService}, which runs jobs, because it judges records of any instance.
 */
class StoppedJobs {

    // Under the service's name, as before this was split from it, so that log filters keep matching.
    private static final Logger log = LoggerFactory.getLogger(TrainingJobService.class);

    private final TrainingJobRepository repository;
    private final StoreLocks locks;
    private final Duration lockStaleAfter;

    StoppedJobs(TrainingJobRepository repository, StoreLocks locks, Duration lockStaleAfter) {
        this.repository = repository;
        this.locks = locks;
        this.lockStaleAfter = lockStaleAfter;
    }

    /**
     * The job history as a starting service takes it over. A job that was queued or running when the process
     * died can never finish as it was: one that checkpointed an epoch carries on from there once the service is
     * ready (so it is not returned here); any other is recorded FAILED. While another instance holds the training
     * lock, unfinished jobs may be that instance's, and are left alone here.
     */
    List<TrainingJob> restore() {
        List<TrainingJob> restored = new ArrayList<>();
        boolean otherInstanceTraining = locks.holder(TrainingJobService.TRAINING_LOCK, lockStaleAfter).isPresent();
        for (TrainingJobView view : repository.loadAll()) {
            if (resumable(view)) {
                continue;
            }
            if (otherInstanceTraining && !view.state().isFinished()) {
                continue;
            }
            TrainingJob job = view.state().isFinished() ? TrainingJob.restore(view)
                    : markInterrupted(view, "the service stopped");
            restored.add(job);
        }
        return restored;
    }

    /** Stopped by a restart, a crash or a shutdown, after its run checkpointed at least one epoch. */
    boolean resumable(TrainingJobView view) {
        boolean stopped = !view.state().isFinished() || (view.state() == JobState.CANCELLED
                && TrainingJobService.SHUTDOWN_REASON.equals(view.cancelReason()));
        return stopped && repository.hasCheckpoint(view.id());
    }

    /**
     * Another instance's job record as it really stands: unfinished while no instance holds the
     * training lock means the instance running it died (the lock outlives it only until it goes
     * stale), so the record is marked FAILED, as a restart marks this instance's own; unless its run
     * left a checkpoint, which the next instance to start carries on.
     */
    TrainingJobView reconcile(TrainingJobView view) {
        if (view.state().isFinished() || locks.holder(TrainingJobService.TRAINING_LOCK, lockStaleAfter).isPresent()
                || resumable(view)) {
            return view;
        }
        return markInterrupted(view, "the instance running it stopped").view();
    }

    /** A job that can never finish, because the process running it is gone: recorded FAILED, with why. */
    private TrainingJob markInterrupted(TrainingJobView view, String cause) {
        TrainingJob job = TrainingJob.restore(view);
        job.fail("interrupted: " + cause + " while it was " + view.state() + "; submit a new job to retrain");
        repository.deleteCheckpoints(job.id());
        repository.save(job.view());
        log.warn("Training job {} was interrupted ({}); marked FAILED", job.id(), cause);
        return job;
    }
}
