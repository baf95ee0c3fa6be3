package com.example.garmentclassifier.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the command-line benchmarks leave their Markdown table: {@code target/benchmark/<file>}. */
final class MarkdownOutput {

    private MarkdownOutput() {
    }

    /** Writes the table and returns where it went. */
    static Path write(String file, CharSequence markdown) throws IOException {
        Path out = Path.of("target", "benchmark", file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, markdown);
        return out;
    }
}
