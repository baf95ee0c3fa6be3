package com.example.garmentclassifier.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** Job history as {@code jobs/{id}.json} in the model store, each file replaced atomically. */
class TrainingJobRepository {

    private static final Logger log = LoggerFactory.getLogger(TrainingJobRepository.class);

    private final Path dir;
    private final JsonMapper json;

    TrainingJobRepository(Path dir, JsonMapper json) {
        this.dir = dir;
        this.json = json;
    }

    void save(TrainingJobView job) {
        Path target = dir.resolve(job.id() + ".json");
        // Unique per write: instances sharing the store, and threads of one, never write the same temporary file.
        Path temp = dir.resolve("." + job.id() + ".json.tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(dir);
            json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), job);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            // History is best effort: a job must not fail because its record could not be written.
            log.warn("Cannot save job {}: {}", job.id(), e.getMessage());
        }
    }

    /** Where a job's run checkpoints every epoch: {@code jobs/{id}.checkpoint/}, beside its record. */
    Path checkpointDirectory(String id) {
        return dir.resolve(id + ".checkpoint");
    }

    /** Whether the job's run left a checkpoint it can carry on from (one not yet stored as a version). */
    boolean hasCheckpoint(String id) {
        Path checkpoints = checkpointDirectory(id);
        return Files.isRegularFile(checkpoints.resolve("latest")) && !Files.exists(checkpoints.resolve("stored"));
    }

    /** Frees a finished job's checkpoints (two epochs of weights and optimiser state, about 50 MB). */
    void deleteCheckpoints(String id) {
        Path checkpoints = checkpointDirectory(id);
        if (!Files.exists(checkpoints)) {
            return;
        }
        try (var walk = Files.walk(checkpoints)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot delete the checkpoints of job {}: {}", id, e.getMessage());
        }
    }

    /** One job's record, if there is a readable one. */
    Optional<TrainingJobView> load(String id) {
        if (!id.matches("job-[0-9A-Za-z-]{1,64}")) {
            return Optional.empty();
        }
        Path file = dir.resolve(id + ".json");
        return Files.isRegularFile(file) ? read(file) : Optional.empty();
    }

    private Optional<TrainingJobView> read(Path file) {
        try {
            return Optional.of(json.readValue(file.toFile(), TrainingJobView.class));
        } catch (RuntimeException e) {
            log.warn("Skipping unreadable job record {}: {}", file.getFileName(), e.getMessage());
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Cannot delete {}: {}", file.getFileName(), e.getMessage());
        }
    }

    List<TrainingJobView> loadAll() {
        List<TrainingJobView> jobs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return jobs;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "job-*.json")) {
            for (Path file : files) {
                read(file).ifPresent(jobs::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read job history in " + dir, e);
        }
        return jobs;
    }
}
