package com.example.garmentclassifier.jobs;

import com.example.garmentclassifier.model.SharedStoreProperties;
import com.example.garmentclassifier.store.StoreLock;
import com.example.garmentclassifier.training.TrainingRunner;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs retraining as background jobs, one at a time, through a {@link TrainingRunner} (a child JVM
 * by default), supervised from a thread of its own so request threads are never used for training.
 * A finished job's version passes the promotion gate before it is swapped in. A training child
 * never starts it (TrainerApplication does not scan for serving beans), so it cannot take over the parent's job history.
 */
@Service
public class TrainingJobService {

    private static final Logger log = LoggerFactory.getLogger(TrainingJobService.class);
    static final String TRAINING_LOCK = "training";
    static final String SHUTDOWN_REASON = "the service shut down";
    private static final DateTimeFormatter ID_FORMAT =
            DateTimeFormatter.ofPattern("'job-'yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final TrainingJobStore store;
    private final long minFreeSpace;
    private final TrainingJobRepository repository;
    private final TrainingJobRun jobRun;
    private final StoppedJobs stoppedJobs;
    private final Map<String, TrainingJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private final String instance;
    private final Duration lockStaleAfter;
    /** A stopped job this instance carries on as soon as it gets the training lock (guarded by this). */
    private String waitingToResume;
    private final ScheduledExecutorService resumeChecks = JobThreads.resumeChecks();

    public TrainingJobService(TrainingRunner runner, TrainingJobStore store, JobPromotion promotion,
                              TrainingJobProperties training, SharedStoreProperties sharedStore, JsonMapper json,
                              MeterRegistry registry) {
        this.store = store;
        this.minFreeSpace = training.minFreeSpace().toBytes();
        this.repository = new TrainingJobRepository(store.layout().jobs(), json);
        this.jobRun = new TrainingJobRun(runner, repository, store.records(), promotion, json);
        this.instance = ManagementFactory.getRuntimeMXBean().getName();
        this.lockStaleAfter = sharedStore.lockStaleAfter();
        this.stoppedJobs = new StoppedJobs(repository, store.locks(), lockStaleAfter);
        this.executor = JobThreads.worker();
        // What a stopped process left: finished jobs as they ended, unfinished ones FAILED unless they can carry on.
        stoppedJobs.restore().forEach(job -> jobs.put(job.id(), job));
        TrainingJobMetrics.register(registry, jobs, jobRun.lastDurationSeconds());
    }

    /**
     * Queues a job; refused with a conflict while another is queued or running, and at once (not
     * after the training) when the store could not take the new version.
     */
    public synchronized TrainingJobView submit(RetrainRequest request) {
        store.writer().requireRoomForVersion(minFreeSpace);
        Optional<TrainingJob> active = jobs.values().stream().filter(j -> !j.state().isFinished()).findFirst();
        if (active.isPresent()) {
            throw new JobConflictException(active.get().id(), "Training job " + active.get().id() + " is "
                    + active.get().state() + "; wait for it to end or cancel it with DELETE /admin/jobs/"
                    + active.get().id());
        }
        // Instances sharing the store train one at a time; the lock is held until the job ends.
        StoreLock lock = store.locks().tryLock(TRAINING_LOCK, instance, lockStaleAfter).orElseThrow(() ->
                new JobConflictException(null, "Another instance of the service sharing this model store is training ("
                        + store.locks().holder(TRAINING_LOCK, lockStaleAfter).orElse("holder unknown")
                        + "); wait for its job to end (GET /admin/jobs) or cancel it there"));
        Instant now = Instant.now();
        String id = ID_FORMAT.format(now) + "-" + UUID.randomUUID().toString().substring(0, 4);
        TrainingJob job = new TrainingJob(id, request, now);
        try {
            jobs.put(id, job);
            repository.save(job.view());
            executor.execute(() -> jobRun.run(job, lock));
        } catch (RuntimeException e) {
            jobs.remove(id);
            lock.close();
            throw e;
        }
        log.info("Training job {} queued: {}", id, request);
        return job.view();
    }

    public TrainingJobView get(String id) {
        TrainingJob job = jobs.get(id);
        if (job != null) {
            return job.view();
        }
        return repository.load(id).map(stoppedJobs::reconcile).orElseThrow(() -> new JobNotFoundException(id));
    }

    /** Newest first; includes jobs that other instances sharing the store have run or are running. */
    public List<TrainingJobView> list() {
        Map<String, TrainingJobView> all = new HashMap<>();
        repository.loadAll().forEach(view -> all.put(view.id(), view));
        jobs.values().forEach(job -> all.put(job.id(), job.view()));
        all.replaceAll((id, view) -> jobs.containsKey(id) ? view : stoppedJobs.reconcile(view));
        return all.values().stream().sorted(Comparator.comparing(TrainingJobView::createdAt).reversed()).toList();
    }

    /** The queued or running job, if any. */
    public Optional<TrainingJobView> activeJob() {
        return jobs.values().stream().filter(j -> !j.state().isFinished()).findFirst().map(TrainingJob::view);
    }

    /**
     * Cancels a queued job at once, a running one within one batch, and one this instance is waiting to carry
     * on (after a restart, until the dead process's training lock goes stale) before it starts again.
     */
    public TrainingJobView cancel(String id) {
        synchronized (this) {
            if (!jobs.containsKey(id) && id.equals(waitingToResume)) {
                return cancelWaitingJob(id);
            }
        }
        if (!jobs.containsKey(id) && repository.load(id).isPresent()) {
            throw new JobConflictException(id, "Training job " + id + " belongs to another instance sharing this model"
                    + " store; cancel it there");
        }
        TrainingJob job = Optional.ofNullable(jobs.get(id)).orElseThrow(() -> new JobNotFoundException(id));
        synchronized (job) {
            JobState state = job.state();
            if (state.isFinished()) {
                throw new JobConflictException(id, "Training job " + id + " already ended " + state);
            }
            job.requestCancel("requested by an admin (DELETE /admin/jobs/" + id + ")");
            if (state == JobState.QUEUED) {
                job.cancel();
            }
        }
        repository.save(job.view());
        log.info("Cancellation of training job {} requested", id);
        return job.view();
    }

    /** Recorded CANCELLED as it stands, its checkpoints freed: nothing carries it on any more. */
    private TrainingJobView cancelWaitingJob(String id) {
        TrainingJob job = TrainingJob.restore(repository.load(id).orElseThrow(() -> new JobNotFoundException(id)));
        job.requestCancel("requested by an admin (DELETE /admin/jobs/" + id + ") while it waited to carry on"
                + " from its checkpoint");
        job.cancel();
        repository.deleteCheckpoints(id);
        repository.save(job.view());
        waitingToResume = null;
        log.info("Training job {} was waiting to carry on from its checkpoint; cancelled", id);
        return job.view();
    }

    /**
     * Once the service is ready (not while its beans are still being made), carries on the newest job that
     * a stopped process left with a checkpoint. The training lock decides who may: a process killed a moment
     * ago still holds it until it goes stale ({@code classifier.shared-store.lock-stale-after}), so the
     * attempt repeats until this instance gets the lock or the job has ended elsewhere.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeStoppedJob() {
        Optional<TrainingJobView> stopped = repository.loadAll().stream().filter(stoppedJobs::resumable)
                .filter(view -> !jobs.containsKey(view.id()) || jobs.get(view.id()).state().isFinished())
                .max(Comparator.comparing(TrainingJobView::createdAt));
        if (stopped.isEmpty() || resumeChecks.isShutdown()) {
            return;
        }
        synchronized (this) {
            // An admin may have cancelled it while it waited for the lock.
            if (repository.load(stopped.get().id()).filter(stoppedJobs::resumable).isEmpty()) {
                waitingToResume = null;
                return;
            }
            if (activeJob().isEmpty()) {
                Optional<StoreLock> lock = store.locks().tryLock(TRAINING_LOCK, instance, lockStaleAfter);
                if (lock.isPresent()) {
                    waitingToResume = null;
                    resume(stopped.get(), lock.get());
                    return;
                }
            }
            waitingToResume = stopped.get().id();
        }
        resumeChecks.schedule(this::resumeStoppedJob, Math.max(1, lockStaleAfter.toMillis() / 3),
                TimeUnit.MILLISECONDS);
    }

    private void resume(TrainingJobView view, StoreLock lock) {
        TrainingJob job = TrainingJob.resume(view, Instant.now());
        jobs.put(job.id(), job);
        repository.save(job.view());
        try {
            executor.execute(() -> jobRun.run(job, lock));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        log.info("Training job {} carries on from its checkpoint after epoch {}", job.id(),
                view.epochs() == null ? 0 : view.epochs().size());
    }

    /**
     * On shutdown a queued job is cancelled at once and a running one within a batch (its child
     * process ends); both are recorded CANCELLED with the reason, and the training lock is released.
     */
    @PreDestroy
    void shutdown() {
        for (TrainingJob job : jobs.values()) {
            synchronized (job) {
                if (!job.state().isFinished()) {
                    job.requestCancel(SHUTDOWN_REASON);
                    if (job.state() == JobState.QUEUED) {
                        job.cancel();
                        repository.save(job.view());
                    }
                }
            }
        }
        resumeChecks.shutdownNow();
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
