package com.example.garmentclassifier.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens the files a new model version is written to. The store's one file-system seam: tests put a
 * disk behind it that fills up or fails part-way, which a real temporary directory cannot do.
 */
@FunctionalInterface
public interface StoreOutput {

    /** Plain files; each is new (a version is written into a fresh temporary directory). */
    StoreOutput DISK = file -> Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    OutputStream open(Path file) throws IOException;
}
