package com.example.garmentclassifier.jobs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * How to start this application again as a child process: the running JVM's own java binary and
 * class path, as the packaged jar ({@code java -jar}) when that is how it runs, otherwise (an IDE,
 * Maven's test runner) with the class path and the main class; under {@code nice} where it exists.
 */
public class TrainingLaunchCommand {

    static final String MAIN_CLASS = "com.example.garmentclassifier.GarmentClassifierApplication";
    private static final Path NICE = Path.of("/usr/bin/nice");

    private final Path java;
    private final String classPath;

    public TrainingLaunchCommand() {
        this(Path.of(System.getProperty("java.home"), "bin", "java"), System.getProperty("java.class.path"));
    }

    TrainingLaunchCommand(Path java, String classPath) {
        this.java = java;
        this.classPath = classPath;
    }

    /** @param niceness added CPU niceness (0 = none), so serving keeps priority over training */
    public List<String> command(List<String> jvmOptions, List<String> appArgs, int niceness) {
        List<String> command = new ArrayList<>();
        if (niceness > 0 && Files.isExecutable(NICE)) {
            command.addAll(List.of(NICE.toString(), "-n", String.valueOf(niceness)));
        }
        command.add(java.toString());
        command.addAll(jvmOptions);
        if (isBootJar(classPath)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, MAIN_CLASS));
        }
        command.addAll(appArgs);
        return command;
    }

    /** A single jar whose manifest starts Spring Boot's launcher: the packaged application. */
    static boolean isBootJar(String classPath) {
        if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            var manifest = jar.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            return main != null && main.startsWith("org.springframework.boot.loader");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + classPath, e);
        }
    }
}
