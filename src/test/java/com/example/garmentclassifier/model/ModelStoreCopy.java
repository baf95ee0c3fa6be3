package com.example.garmentclassifier.model;

import com.example.garmentclassifier.store.StoreLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A private copy of the committed model store, so tests that write versions or jobs never touch it. */
public final class ModelStoreCopy {

    private ModelStoreCopy() {
    }

    /** Copies the committed store's active version (only) into a new temporary directory. */
    public static Path ofCommitted() {
        return ofCommitted(List.of());
    }

    /** Copies the committed store's active version and the other committed versions named. */
    public static Path ofCommitted(List<String> alsoVersions) {
        try {
            Path committed = Path.of("model-store");
            String active = Files.readString(committed.resolve("active-version")).trim();
            Path copy = Files.createTempDirectory("model-store-");
            copyVersion(committed, copy, active);
            for (String version : alsoVersions) {
                copyVersion(committed, copy, version);
            }
            Files.copy(committed.resolve("active-version"), copy.resolve("active-version"));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyVersion(Path committed, Path copy, String version) throws IOException {
        Path target = Files.createDirectories(copy.resolve("versions").resolve(version));
        try (Stream<Path> files = Files.list(committed.resolve("versions").resolve(version))) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }

    /**
     * A copy of the committed store whose active version carries the ONNX form of the other committed
     * version (checksum updated, so it is taken as the version's own): it converts and loads, but
     * does not match the version's DL4J network.
     */
    public static Path withMismatchedOnnx() {
        Path copy = ofCommitted();
        try {
            Path committed = Path.of("model-store");
            String active = Files.readString(committed.resolve("active-version")).trim();
            String other;
            try (Stream<Path> versions = Files.list(committed.resolve("versions"))) {
                other = versions.map(p -> p.getFileName().toString()).filter(v -> !v.equals(active)).sorted()
                        .findFirst().orElseThrow();
            }
            byte[] foreign = Files.readAllBytes(committed.resolve("versions").resolve(other)
                    .resolve(StoreLayout.ONNX_FILE));
            TestStore.at(copy).onnx().attach(active, foreign);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
