package com.example.garmentclassifier.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which versions were made active, in order ({@code model-store/activations}, one
 * "instant version" line per activation, appended and fsynced). When the active version cannot
 * be loaded, startup falls back along this history: to a version that was really served, never to
 * a newer candidate that the promotion gate rejected.
 */
class ActivationHistory {

    private final Path file;

    ActivationHistory(Path file) {
        this.file = file;
    }

    void append(String version) {
        byte[] line = (Instant.now() + " " + version + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(line));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the activation in " + file, e);
        }
    }

    /** Versions that were active, most recent activation first, each once; empty without a history. */
    List<String> newestFirst() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            LinkedHashSet<String> versions = new LinkedHashSet<>();
            for (int i = lines.size() - 1; i >= 0; i--) {
                String[] parts = lines.get(i).trim().split(" ");
                if (parts.length == 2) {
                    versions.add(parts[1]);
                }
            }
            return new ArrayList<>(versions);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
