package com.example.garmentclassifier.training;

import com.example.garmentclassifier.store.EpochMetrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A training run's checkpoints on disk ({@code --checkpoint-dir}), so that a run stopped by a restart,
 * a crash or the end of a working session is carried on with {@code --resume} instead of lost. Each
 * epoch is written to a folder of its own, which the file {@code latest} then names (replaced
 * atomically): a process killed while writing leaves the previous checkpoint whole. The two newest
 * checkpoints are kept, so a crash of the machine that loses unflushed writes still leaves the older
 * one. Once the run is stored, the file {@code stored} names its version and the run cannot be
 * resumed (and stored) a second time.
 */
public class CheckpointDirectory {

    private static final Logger log = LoggerFactory.getLogger(CheckpointDirectory.class);
    private static final String LATEST = "latest";
    private static final String NETWORK = "network.zip";
    private static final String BEST = "best-params.bin";
    private static final String STATE = "state.json";
    private static final String STORED = "stored";

    private final Path directory;
    private final JsonMapper json;

    /** A checkpoint as read back, with the version the run was warm-started from (or null). */
    public record Resumed(TrainingCheckpoint checkpoint, String warmStartVersion) {
    }

    /** The scalar part of a checkpoint, as JSON; the networks' weights go to files of their own. */
    record State(TrainingParameters params, String warmStartVersion, int epochsDone, List<EpochMetrics> history,
                 int bestEpoch, double bestValidation, double seconds, String random, int[] order) {
    }

    public CheckpointDirectory(Path directory, JsonMapper json) {
        this.directory = directory;
        this.json = json;
    }

    public Path directory() {
        return directory;
    }

    public boolean hasCheckpoint() {
        return Files.isRegularFile(directory.resolve(LATEST));
    }

    /** Creates the folder and checks it is writable, before hours of training rather than after the first epoch. */
    public void prepare() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the checkpoint folder " + directory + ": " + e);
        }
        if (!Files.isWritable(directory)) {
            throw new IllegalArgumentException("the checkpoint folder " + directory + " is not writable");
        }
    }

    /** Records that the run ended and was stored as {@code version}. */
    public void markStored(String version) {
        try {
            Files.writeString(directory.resolve(STORED), version + "\n");
        } catch (IOException e) {
            // The version is stored; only a second --resume would store it again, which the log warns of.
            log.warn("Could not record in {} that the run was stored as {}: {}", directory, version, e.getMessage());
        }
    }

    /** @throws TrainingFailedException when it cannot be written (a full or read-only disk) */
    public void save(TrainingCheckpoint checkpoint, String warmStartVersion) {
        String name = String.format("epoch-%03d", checkpoint.epochsDone());
        Path temp = directory.resolve(".tmp-" + name);
        try {
            Files.createDirectories(directory);
            deleteTree(temp);
            Files.createDirectories(temp);
            ModelSerializer.writeModel(checkpoint.network(), temp.resolve(NETWORK).toFile(), true);
            Nd4j.saveBinary(checkpoint.bestParams(), temp.resolve(BEST).toFile());
            Files.writeString(temp.resolve(STATE), json.writeValueAsString(new State(checkpoint.params(),
                    warmStartVersion, checkpoint.epochsDone(), checkpoint.history(), checkpoint.bestEpoch(),
                    checkpoint.bestValidation(), checkpoint.seconds(), encode(checkpoint.random()),
                    checkpoint.order())));
            Path target = directory.resolve(name);
            deleteTree(target);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            Path pointer = directory.resolve(".tmp-" + LATEST);
            Files.writeString(pointer, name);
            Files.move(pointer, directory.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            String previous = String.format("epoch-%03d", checkpoint.epochsDone() - 1);
            try (Stream<Path> older = Files.list(directory)) {
                for (Path path : older.filter(p -> p.getFileName().toString().startsWith("epoch-")
                        && p.getFileName().toString().compareTo(previous) < 0).toList()) {
                    deleteTree(path);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new TrainingFailedException("Could not write the training checkpoint in " + directory + ": " + e);
        }
    }

    /** The newest checkpoint; the network comes back with its optimiser's state, ready to train on. */
    public Resumed load() {
        if (!hasCheckpoint()) {
            throw new IllegalArgumentException("no training checkpoint in " + directory
                    + " (a run writes one after every epoch when started with --checkpoint-dir)");
        }
        Path stored = directory.resolve(STORED);
        if (Files.isRegularFile(stored)) {
            throw new IllegalArgumentException("the run checkpointed in " + directory + " has ended and was stored as "
                    + "version " + readQuietly(stored) + "; there is nothing to resume");
        }
        MultiLayerNetwork network = null;
        try {
            Path epoch = directory.resolve(Files.readString(directory.resolve(LATEST)).trim());
            State state = json.readValue(Files.readString(epoch.resolve(STATE)), State.class);
            Random random = decode(state.random());
            network = ModelSerializer.restoreMultiLayerNetwork(epoch.resolve(NETWORK).toFile(), true);
            INDArray best = Nd4j.readBinary(epoch.resolve(BEST).toFile());
            return new Resumed(new TrainingCheckpoint(state.params(), state.epochsDone(), state.history(),
                    state.bestEpoch(), state.bestValidation(), state.seconds(), random, state.order(), network, best),
                    state.warmStartVersion());
        } catch (IOException | RuntimeException e) {
            // Jackson's and DL4J's own failures are unchecked: a damaged file is a usage error either way.
            if (network != null) {
                network.close();
            }
            throw new IllegalArgumentException("the training checkpoint in " + directory + " is unreadable: " + e, e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "(unreadable)";
        }
    }

    /** java.util.Random's whole state is its serialised form, stable across JDKs. */
    private static String encode(Random random) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(random);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static Random decode(String encoded) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(encoded)))) {
            // Only a Random may come out of this file, whatever someone put in it.
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("java.util.Random;!*"));
            return (Random) in.readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("the random state is not a java.util.Random", e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
