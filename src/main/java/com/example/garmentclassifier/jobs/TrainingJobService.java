package com.example.garmentclassifier.jobs;

import com.example.garmentclassifier.config.ClassifierProperties;
import com.example.garmentclassifier.model.LoadedModel;
import com.example.garmentclassifier.model.ModelActivationService;
import com.example.garmentclassifier.model.ModelHolder;
import com.example.garmentclassifier.store.EpochMetrics;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.StoreLock;
import com.example.garmentclassifier.training.TrainingCancelledException;
import com.example.garmentclassifier.training.TrainingFailedException;
import com.example.garmentclassifier.training.TrainingProgress;
import com.example.garmentclassifier.training.TrainingRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
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
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs retraining as background jobs, one at a time, through a {@link TrainingRunner} (a child JVM
 * by default), supervised from a thread of its own so request threads are never used for training.
 * A finished job's version passes the promotion gate before it is swapped in. Not in training mode
 * (profile {@code train}): a training child must not take over the parent's job history.
 */
@Service
@Profile("!train")
public class TrainingJobService {

    private static final Logger log = LoggerFactory.getLogger(TrainingJobService.class);
    static final String TRAINING_LOCK = "training";
    static final String SHUTDOWN_REASON = "the service shut down";
    private static final DateTimeFormatter ID_FORMAT =
            DateTimeFormatter.ofPattern("'job-'yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final TrainingRunner runner;
    private final TrainingJobStore store;
    private final long minFreeSpace;
    private final ModelHolder holder;
    private final ModelActivationService activation;
    private final TrainingJobRepository repository;
    private final double promotionTolerance;
    private final ValidationGate gate;
    private final Map<String, TrainingJob> jobs = new ConcurrentHashMap<>();
    private final AtomicReference<Double> lastDurationSeconds = new AtomicReference<>(Double.NaN);
    private final ExecutorService executor;
    private final String instance;
    private final Duration lockStaleAfter;
    private final JsonMapper json;
    /** Retries {@link #resumeStoppedJob} while a dead process's training lock has not yet gone stale. */
    private final ScheduledExecutorService resumeChecks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "training-job-resume");
        thread.setDaemon(true);
        return thread;
    });

    public TrainingJobService(TrainingRunner runner, TrainingJobStore store, ValidationGate gate, ModelHolder holder,
                              ModelActivationService activation, ClassifierProperties properties, JsonMapper json,
                              MeterRegistry registry) {
        this.runner = runner;
        this.store = store;
        this.minFreeSpace = properties.training().minFreeSpace().toBytes();
        this.holder = holder;
        this.activation = activation;
        this.json = json;
        this.repository = new TrainingJobRepository(store.layout().jobs(), json);
        this.promotionTolerance = properties.training().promotionTolerance();
        this.gate = gate;
        this.instance = ManagementFactory.getRuntimeMXBean().getName();
        this.lockStaleAfter = properties.sharedStore().lockStaleAfter();
        // One worker, one queued job at most: submit() refuses a second job before it reaches the queue.
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1), runnable -> {
            Thread thread = new Thread(runnable, "training-job");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
        restoreHistory();
        registerMetrics(registry);
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
            executor.execute(() -> run(job, lock));
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
        return repository.load(id).map(this::reconcile).orElseThrow(() -> new JobNotFoundException(id));
    }

    /**
     * Another instance's job record as it really stands: unfinished while no instance holds the
     * training lock means the instance running it died (the lock outlives it only until it goes
     * stale), so the record is marked FAILED, as a restart marks this instance's own; unless its run
     * left a checkpoint, which the next instance to start carries on.
     */
    private TrainingJobView reconcile(TrainingJobView view) {
        if (view.state().isFinished() || store.locks().holder(TRAINING_LOCK, lockStaleAfter).isPresent()
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

    /** Newest first; includes jobs that other instances sharing the store have run or are running. */
    public List<TrainingJobView> list() {
        Map<String, TrainingJobView> all = new HashMap<>();
        repository.loadAll().forEach(view -> all.put(view.id(), view));
        jobs.values().forEach(job -> all.put(job.id(), job.view()));
        all.replaceAll((id, view) -> jobs.containsKey(id) ? view : reconcile(view));
        return all.values().stream().sorted(Comparator.comparing(TrainingJobView::createdAt).reversed()).toList();
    }

    /** The queued or running job, if any. */
    public Optional<TrainingJobView> activeJob() {
        return jobs.values().stream().filter(j -> !j.state().isFinished()).findFirst().map(TrainingJob::view);
    }

    /** Cancels a queued job at once, a running one within one batch. */
    public TrainingJobView cancel(String id) {
        if (!jobs.containsKey(id) && repository.load(id).isPresent()) {
            throw new JobConflictException(id, "Training job " + id + " belongs to another instance sharing this model"
                    + " store; cancel it there");
        }
        TrainingJob job = find(id);
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

    private TrainingJob find(String id) {
        TrainingJob job = jobs.get(id);
        if (job == null) {
            throw new JobNotFoundException(id);
        }
        return job;
    }

    /** Runs the job while it holds the store's training lock, which it releases however it ends. */
    private void run(TrainingJob job, StoreLock lock) {
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
                String serving = holder.current().map(LoadedModel::version).orElse(null);
                String warmVersion = null;
                if (request.warmStartRequested()) {
                    warmVersion = Optional.ofNullable(serving).orElseThrow(() ->
                            new TrainingFailedException("warmStart needs a serving model, and none is loaded"));
                }
                stored = runner.train(request.toParameters(serving), warmVersion, progress(job, lock), checkpoints);
            }
            recordJob(stored.version(), job);
            PromotionDecision decision = decide(request.promotion(), stored);
            if (lock.lost()) {
                throw new TrainingFailedException("another instance took over the store's training lock while this"
                        + " job ran (was this instance paused?); version " + stored.version() + " is stored, not"
                        + " activated");
            }
            if (decision.promoted()) {
                activation.activate(stored.version());
            }
            // Freed before the job reads as ended: whoever sees SUCCEEDED sees the checkpoints gone.
            repository.deleteCheckpoints(job.id());
            job.succeed(stored.version(), decision);
            log.info("Training job {} succeeded: version {}, {}", job.id(), stored.version(), decision.reason());
        } catch (TrainingCancelledException e) {
            if (!job.cancelRequested() || !SHUTDOWN_REASON.equals(job.view().cancelReason())) {
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
            store.records().recordTrainingJob(version, job.id(), json.convertValue(job.request(), Map.class));
        } catch (RuntimeException e) {
            log.warn("Could not record job {} in the metadata of version {}: {}", job.id(), version, e.getMessage());
        }
    }

    private PromotionDecision decide(PromotionPolicy policy, ModelMetadata candidate) {
        String serving = holder.current().map(LoadedModel::version).orElse(null);
        return gate.decide(policy, candidate.version(), serving, promotionTolerance);
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

    /**
     * A job that was queued or running when the process died can never finish as it was: one that
     * checkpointed an epoch carries on from there once the service is ready ({@link #resumeStoppedJob});
     * any other is recorded FAILED. While another instance holds the training lock, unfinished jobs may be
     * that instance's, and are left alone here.
     */
    private void restoreHistory() {
        boolean otherInstanceTraining = store.locks().holder(TRAINING_LOCK, lockStaleAfter).isPresent();
        for (TrainingJobView view : repository.loadAll()) {
            if (resumable(view)) {
                continue;
            }
            if (otherInstanceTraining && !view.state().isFinished()) {
                continue;
            }
            TrainingJob job = view.state().isFinished() ? TrainingJob.restore(view)
                    : markInterrupted(view, "the service stopped");
            jobs.put(job.id(), job);
        }
    }

    /** Stopped by a restart, a crash or a shutdown, after its run checkpointed at least one epoch. */
    private boolean resumable(TrainingJobView view) {
        boolean stopped = !view.state().isFinished()
                || (view.state() == JobState.CANCELLED && SHUTDOWN_REASON.equals(view.cancelReason()));
        return stopped && repository.hasCheckpoint(view.id());
    }

    /**
     * Once the service is ready (not while its beans are still being made), carries on the newest job that
     * a stopped process left with a checkpoint. The training lock decides who may: a process killed a moment
     * ago still holds it until it goes stale ({@code classifier.shared-store.lock-stale-after}), so the
     * attempt repeats until this instance gets the lock or the job has ended elsewhere.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeStoppedJob() {
        Optional<TrainingJobView> stopped = repository.loadAll().stream().filter(this::resumable)
                .filter(view -> !jobs.containsKey(view.id()) || jobs.get(view.id()).state().isFinished())
                .max(Comparator.comparing(TrainingJobView::createdAt));
        if (stopped.isEmpty() || resumeChecks.isShutdown()) {
            return;
        }
        synchronized (this) {
            if (activeJob().isEmpty()) {
                Optional<StoreLock> lock = store.locks().tryLock(TRAINING_LOCK, instance, lockStaleAfter);
                if (lock.isPresent()) {
                    resume(stopped.get(), lock.get());
                    return;
                }
            }
        }
        resumeChecks.schedule(this::resumeStoppedJob, Math.max(1, lockStaleAfter.toMillis() / 3),
                TimeUnit.MILLISECONDS);
    }

    private void resume(TrainingJobView view, StoreLock lock) {
        TrainingJob job = TrainingJob.resume(view, Instant.now());
        jobs.put(job.id(), job);
        repository.save(job.view());
        try {
            executor.execute(() -> run(job, lock));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        log.info("Training job {} carries on from its checkpoint after epoch {}", job.id(),
                view.epochs() == null ? 0 : view.epochs().size());
    }

    private void registerMetrics(MeterRegistry registry) {
        for (JobState state : JobState.values()) {
            Gauge.builder("classifier.training.jobs", jobs, all -> all.values().stream()
                            .filter(j -> j.state() == state).count())
                    .tag("state", state.name()).description("Training jobs by state").register(registry);
        }
        Gauge.builder("classifier.training.last.duration", lastDurationSeconds, AtomicReference::get)
                .baseUnit("seconds").description("Duration of the last finished training job").register(registry);
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
