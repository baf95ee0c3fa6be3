package com.example.garmentclassifier.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory and thread count of a process as Linux reports them in {@code /proc/<pid>/status}:
 * what the container limit is charged for, heap and off-heap (ND4J, ONNX Runtime) alike.
 *
 * @param rssMb  resident set now ({@code VmRSS})
 * @param peakMb highest resident set so far ({@code VmHWM})
 * @param threads live threads ({@code Threads})
 */
public record ProcessMemory(long rssMb, long peakMb, int threads) {

    public static ProcessMemory of(long pid) {
        long rssKb = -1;
        long peakKb = -1;
        int threads = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rssKb = kilobytes(line);
                } else if (line.startsWith("VmHWM:")) {
                    peakKb = kilobytes(line);
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.substring("Threads:".length()).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc status of process " + pid, e);
        }
        return new ProcessMemory(rssKb / 1024, peakKb / 1024, threads);
    }

    /** "VmRSS:    123456 kB" -> 123456. */
    private static long kilobytes(String line) {
        String value = line.substring(line.indexOf(':') + 1).trim();
        return Long.parseLong(value.substring(0, value.indexOf(' ')));
    }

    @Override
    public String toString() {
        return "RSS " + rssMb + " MB, peak " + peakMb + " MB, " + threads + " threads";
    }
}
