package com.example.garmentclassifier.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A private copy of the committed model store, so tests that write versions or jobs never touch it. */
public final class ModelStoreCopy {

    private ModelStoreCopy() {
    }

    /** Copies the committed store's active version (only) into a new temporary directory. */
    public static Path ofCommitted() {
        try {
            Path committed = Path.of("model-store");
            String active = Files.readString(committed.resolve("active-version")).trim();
            Path copy = Files.createTempDirectory("model-store-");
            Path source = committed.resolve("versions").resolve(active);
            Path target = copy.resolve("versions").resolve(active);
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
            Files.copy(committed.resolve("active-version"), copy.resolve("active-version"));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
