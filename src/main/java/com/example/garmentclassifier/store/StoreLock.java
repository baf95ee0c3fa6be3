package com.example.garmentclassifier.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exclusive lock kept as a file in the model store, so that service instances sharing one store
 * (replicas on a shared volume) take turns. Taking it is one exclusive file creation, which every
 * local and network file system performs atomically. The holder refreshes the file's modification
 * time in the background by writing to it; a lock not refreshed for {@code staleAfter}, judged by the
 * file system's clock, belongs to an instance that crashed or was killed, and the next caller takes
 * it over, so a dead replica cannot block the store forever.
 */
public final class StoreLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreLock.class);

    private final Path file;
    private final String token;
    private final ScheduledExecutorService heartbeat;
    private volatile boolean lost;

    private StoreLock(Path file, String token, Duration staleAfter) {
        this.file = file;
        this.token = token;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "store-lock-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        // Three refreshes per stale period: one late or lost refresh does not let another instance in.
        long period = Math.max(1, staleAfter.toMillis() / 3);
        heartbeat.scheduleAtFixedRate(this::refresh, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * @param owner who takes it (shown to the instances it keeps out)
     * @return the lock, or empty while another instance holds it and keeps it fresh
     */
    static Optional<StoreLock> tryAcquire(Path file, String owner, Duration staleAfter) {
        String token = owner + " " + UUID.randomUUID();
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return Optional.of(new StoreLock(file, token, staleAfter));
            } catch (FileAlreadyExistsException e) {
                if (!removeIfStale(file, staleAfter)) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create lock " + file.getFileName(), e);
            }
        }
        return Optional.empty();
    }

    /** Who holds the lock, if anyone does and keeps it fresh. */
    static Optional<String> holder(Path file, Duration staleAfter) {
        try {
            if (isStale(file, staleAfter)) {
                return Optional.empty();
            }
            String content = readToken(file);
            int space = content.lastIndexOf(' ');
            return Optional.of(space > 0 ? content.substring(0, space) : content);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read lock " + file.getFileName(), e);
        }
    }

    /** What a lock file holds: its holder's name and a random token. */
    private static String readToken(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    /**
     * Both times come from the file system, never from this host's clock: the lock's modification time
     * (set by the holder's last write) and the store's "now" (the time a write to a probe file beside it
     * gets). On a network volume both are the file server's, so hosts whose clocks disagree still agree
     * on staleness.
     */
    private static boolean isStale(Path file, Duration staleAfter) throws IOException {
        Instant refreshed = Files.getLastModifiedTime(file).toInstant();
        return refreshed.plus(staleAfter).isBefore(fileSystemNow(file.resolveSibling(file.getFileName() + ".clock")));
    }

    /** The time the file system gives a write now; this host's clock if the probe cannot be written. */
    private static Instant fileSystemNow(Path probe) {
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
            writeFully(channel, new byte[] {'\n'});
        } catch (IOException e) {
            log.debug("Cannot write clock probe {}: {}", probe.getFileName(), e.getMessage());
            return Instant.now();
        }
        try {
            return Files.getLastModifiedTime(probe).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }

    /** Writes {@code bytes} at the start of the file without truncating it, so readers never see it empty. */
    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer, buffer.position());
        }
    }

    /**
     * Moves a stale lock aside under a unique name. Several instances may find it stale at once: the
     * first moves it; a later one may find and move the first one's fresh lock instead, so what was
     * moved is checked (the same holder's token, still stale) and, if it was a fresh lock, put back.
     */
    private static boolean removeIfStale(Path file, Duration staleAfter) {
        try {
            if (!isStale(file, staleAfter)) {
                return false;
            }
            String staleToken = readToken(file);
            Path aside = file.resolveSibling(file.getFileName() + ".stale-" + UUID.randomUUID());
            Files.move(file, aside);
            String moved = readToken(aside);
            if (!moved.equals(staleToken) || !isStale(aside, staleAfter)) {
                putBack(aside, file);
                return false;
            }
            log.warn("Took over stale lock {} (held by {}, not refreshed for over {})", file.getFileName(), moved,
                    staleAfter);
            Files.deleteIfExists(aside);
            return true;
        } catch (NoSuchFileException e) {
            return true; // released or moved aside by someone else meanwhile: try to create it again
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check lock " + file.getFileName(), e);
        }
    }

    /** Returns another instance's fresh lock that was moved aside by mistake (unless a new one exists already). */
    private static void putBack(Path aside, Path file) throws IOException {
        try {
            Files.move(aside, file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(aside);
        }
    }

    /** Whether another instance has taken the lock over: the work it guards must stop. */
    public boolean lost() {
        return lost;
    }

    private void refresh() {
        byte[] expected = (token + "\n").getBytes(StandardCharsets.UTF_8);
        // One channel for the check and the write: if another instance moves a stale-looking lock aside
        // in between, the write lands in the moved file, never in the new holder's lock.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer content = ByteBuffer.allocate(expected.length + 1);
            while (content.hasRemaining() && channel.read(content, content.position()) > 0) {
                // reads until the buffer is full or the file ends
            }
            if (content.position() == expected.length && java.util.Arrays.equals(content.array(), 0,
                    expected.length, expected, 0, expected.length)) {
                // A write, not setLastModifiedTime(now): the file system stamps it with its own clock.
                writeFully(channel, expected);
                return;
            }
        } catch (NoSuchFileException e) {
            // taken over and gone: reported below
        } catch (IOException e) {
            log.warn("Cannot refresh lock {}: {}", file.getFileName(), e.getMessage());
            return;
        }
        lost = true;
        log.error("Lock {} was taken over by another instance; was this process paused for longer than the"
                + " stale period? The work it guards stops", file.getFileName());
        heartbeat.shutdown();
    }

    private boolean ownsFile() throws IOException {
        try {
            return readToken(file).equals(token);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Releases the lock if this instance still holds it. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            if (ownsFile()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            log.warn("Cannot release lock {}: {}", file.getFileName(), e.getMessage());
        }
    }
}
