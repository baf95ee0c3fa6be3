package com.example.garmentclassifier.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.example.garmentclassifier.BoundProperties;
import com.example.garmentclassifier.IntegrationTest;
import com.example.garmentclassifier.inference.serving.ModelHolder;
import com.example.garmentclassifier.model.ModelActivationService;
import com.example.garmentclassifier.model.SharedStoreProperties;
import com.example.garmentclassifier.model.TestStore;
import com.example.garmentclassifier.store.EpochMetrics;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.training.CheckpointDirectory;
import com.example.garmentclassifier.training.DatasetProperties;
import com.example.garmentclassifier.training.IdxReader;
import com.example.garmentclassifier.training.InProcessTrainingRunner;
import com.example.garmentclassifier.training.ModelEvaluator;
import com.example.garmentclassifier.training.ModelTrainer;
import com.example.garmentclassifier.training.TrainingCancelledException;
import com.example.garmentclassifier.training.TrainingFailedException;
import com.example.garmentclassifier.training.TrainingParameters;
import com.example.garmentclassifier.training.TrainingPipeline;
import com.example.garmentclassifier.training.TrainingProgress;
import com.example.garmentclassifier.training.TrainingRunner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service that dies while its job trains (kill -9, a crash: the job's record still says RUNNING and
 * its run has checkpointed two of three epochs) carries the job on from the checkpoint when it starts
 * again, records that it did, and stores the version. Real (tiny) training on the mini data set.
 */
@IntegrationTest
class TrainingJobResumeTest {

    private static final Path MINI = Path.of("src/test/resources/fashion-mnist-mini");
    private static final String JOB = "job-20990101-000000-abcd";

    @TempDir
    Path storeDir;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aJobStoppedByACrashCarriesOnFromItsLastCheckpointAfterARestart() {
        DatasetProperties dataset = new DatasetProperties(MINI);
        TestStore store = TestStore.at(storeDir);
        TrainingPipeline pipeline = new TrainingPipeline(dataset, new IdxReader(), new ModelTrainer(),
                new ModelEvaluator(), store.archive());
        RetrainRequest request = new RetrainRequest(null, "robust", null, 3, 32, 0.004, 11L, 200, null, null);
        TrainingJobRepository repository = new TrainingJobRepository(storeDir.resolve("jobs"), json);
        crashDuringEpoch3(pipeline, request, repository);

        ModelActivationService activation = mock(ModelActivationService.class);
        TrainingJobService restarted = service(new InProcessTrainingRunner(pipeline, store.archive(), json), store,
                activation, dataset);
        assertThat(restarted.get(JOB).state()).as("not failed: it waits to carry on").isEqualTo(JobState.RUNNING);
        restarted.resumeStoppedJob();

        await().atMost(Duration.ofMinutes(5)).until(() -> restarted.get(JOB).state().isFinished());
        TrainingJobView job = restarted.get(JOB);
        assertThat(job.state()).as(String.valueOf(job.failureReason())).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.resumedAt()).hasSize(1);
        assertThat(job.epochs()).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3);
        ModelMetadata stored = store.versions().readMetadata(job.modelVersion());
        assertThat(stored.training().epochs()).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3);
        @SuppressWarnings("unchecked")
        Map<String, Object> made = (Map<String, Object>) stored.training().hyperparameters().get("job");
        assertThat(made).containsEntry("id", JOB).containsEntry("request", "POST /admin/retrain");
        assertThat(Files.exists(repository.checkpointDirectory(JOB))).as("a finished job's checkpoints are freed")
                .isFalse();
        verify(activation).activate(job.modelVersion());
        assertThatThrownBy(() -> restarted.cancel(JOB)).isInstanceOf(JobConflictException.class);
    }

    @Test
    void aFailedJobFreesItsCheckpoints() throws Exception {
        DatasetProperties dataset = new DatasetProperties(MINI);
        TestStore store = TestStore.at(storeDir);
        TrainingRunner failsAfterAnEpoch = new TrainingRunner() {
            @Override
            public ModelMetadata train(TrainingParameters params, String warm, TrainingProgress progress,
                                       Path checkpoints) {
                try {
                    Files.createDirectories(checkpoints);
                    Files.writeString(checkpoints.resolve("latest"), "epoch-001");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                throw new TrainingFailedException("the model store is full");
            }

            @Override
            public ModelMetadata resume(Path checkpoints, TrainingProgress progress) {
                throw new AssertionError("a new job is not resumed");
            }
        };
        TrainingJobService service = service(failsAfterAnEpoch, store, mock(ModelActivationService.class), dataset);
        String id = service.submit(new RetrainRequest(null, "robust", null, 1, 32, 0.004, 11L, 200, null, null)).id();

        await().atMost(Duration.ofMinutes(1)).until(() -> service.get(id).state().isFinished());
        assertThat(service.get(id).state()).isEqualTo(JobState.FAILED);
        assertThat(service.get(id).failureReason()).contains("the model store is full");
        assertThat(storeDir.resolve("jobs").resolve(id + ".checkpoint")).as("nothing can carry a failed job on")
                .doesNotExist();
    }

    /** The job service as the application wires it, over this test's store and nothing serving. */
    private TrainingJobService service(TrainingRunner runner, TestStore store, ModelActivationService activation,
                                       DatasetProperties dataset) {
        TrainingJobStore jobStore = new TrainingJobStore(store.layout(), store.writer(), store.locks(), store.records());
        ValidationGate gate = new ValidationGate(store.versions(), store.archive(), store.records(), new IdxReader(),
                dataset.datasetDir());
        TrainingJobProperties training = BoundProperties.defaults(TrainingJobProperties.class);
        JobPromotion promotion = new JobPromotion(gate, new ModelHolder(), activation, training.promotionTolerance());
        return new TrainingJobService(runner, jobStore, promotion, training,
                BoundProperties.defaults(SharedStoreProperties.class), json, new SimpleMeterRegistry());
    }

    /** What a process killed in the third epoch leaves: two epochs checkpointed, the record still RUNNING. */
    private void crashDuringEpoch3(TrainingPipeline pipeline, RetrainRequest request, TrainingJobRepository jobs) {
        TrainingJob job = new TrainingJob(JOB, request, Instant.parse("2099-01-01T00:00:00Z"));
        job.start();
        CheckpointDirectory checkpoints = new CheckpointDirectory(jobs.checkpointDirectory(JOB), json);
        checkpoints.prepare();
        assertThatThrownBy(() -> pipeline.run(request.toParameters(null), null, null, new TrainingProgress() {
            private int epoch;

            @Override
            public void batchDone(int e, int batch, int batches) {
                epoch = e;
                job.batchDone(e, batch, batches);
            }

            @Override
            public void epochDone(EpochMetrics metrics, double eta) {
                job.epochDone(metrics);
            }

            @Override
            public boolean cancelRequested() {
                return epoch >= 3;
            }
        }, checkpoints)).isInstanceOf(TrainingCancelledException.class);
        jobs.save(job.view());
        assertThat(jobs.hasCheckpoint(JOB)).isTrue();
    }
}
