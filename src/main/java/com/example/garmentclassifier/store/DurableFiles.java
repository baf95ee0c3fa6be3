package com.example.garmentclassifier.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * The file operations the model store is built on: content is fsynced before it is renamed into
 * place, so a crash leaves either the old file or the whole new one, never a torn one.
 */
final class DurableFiles {

    private DurableFiles() {
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static void fsync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Writes {@code bytes} to a temporary sibling, fsyncs it, then renames it over {@code target}. */
    static void replace(Path target, byte[] bytes, String tempPrefix) throws IOException {
        Path temp = target.resolveSibling(tempPrefix + target.getFileName() + "-" + System.nanoTime());
        try {
            Files.write(temp, bytes);
            fsync(temp);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Best effort: a leftover temporary directory is cleaned at the next startup. */
    static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // left for the next cleanup
                }
            });
        } catch (IOException ignored) {
            // left for the next cleanup
        }
    }
}
