package com.example.garmentclassifier.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service running as a child process, bound to loopback on a free port, with the
 * production memory flags. Started ready (readiness probe 200) and always stopped: by
 * {@link #close()} and, should the benchmark JVM exit first, by a shutdown hook.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Same sizing as run.jvm.args in pom.xml and the README's java -jar line: what production runs. */
    static final List<String> PRODUCTION_JVM_FLAGS = List.of(
            "-Xmx1g", "-Dorg.bytedeco.javacpp.maxbytes=1G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=3G");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final Path log;
    private final URI baseUri;
    /** Actuator's own port. */
    private final URI managementUri;
    private final Thread killOnExit;

    private ServiceProcess(Process process, Path log, URI baseUri, URI managementUri) {
        this.process = process;
        this.log = log;
        this.baseUri = baseUri;
        this.managementUri = managementUri;
        this.killOnExit = new Thread(process::destroyForcibly, "stop-benchmarked-service");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts {@code jar} in the current directory (so ./model-store resolves as in production), with
     * {@code appArgs} after the port and address, output to {@code log}, and waits until it is ready.
     */
    public static ServiceProcess start(Path jar, Path log, List<String> appArgs) throws IOException,
            InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: package the service first (./mvnw -DskipTests package)");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        int port = freeLoopbackPort();
        int managementPort = freeLoopbackPort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(PRODUCTION_JVM_FLAGS);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.add("--management.server.port=" + managementPort);
        command.add("--management.server.address=127.0.0.1");
        command.addAll(appArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(process, log,
                URI.create("http://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + managementPort));
        try {
            service.awaitReady();
            return service;
        } catch (IOException | InterruptedException | RuntimeException e) {
            service.close();
            throw e;
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    /** Actuator's own port, on loopback. */
    public URI managementUri() {
        return managementUri;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessMemory memory() {
        return ProcessMemory.of(process.pid());
    }

    /** CPU time the service has used so far (user + system, all threads). */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(managementUri.resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with status " + process.exitValue()
                        + " before it was ready; end of " + log + ":\n" + logTail());
            }
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Connection refused until Tomcat binds the port: keep polling.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("service not ready after " + READY_TIMEOUT.toSeconds() + " s; end of "
                + log + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freeLoopbackPort() throws IOException {
        // The port may in theory be taken again before the service binds it; startup then fails loudly.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM (Spring's graceful shutdown), then SIGKILL if it has not exited after 20 s or we are interrupted. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // Called from another shutdown path: the hook is running or about to, nothing to undo.
        }
    }
}
