package com.example.garmentclassifier.model;

import com.example.garmentclassifier.store.StoreLayout;
import com.example.garmentclassifier.store.StoreOutput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** A disk that fills up part-way through one named file of a version (the others are written normally). */
public final class FailingDisk implements StoreOutput {

    private final String fileName;
    private final long bytesBeforeFull;

    /** @param fileName e.g. {@link StoreLayout#MODEL_FILE}; @param bytesBeforeFull what it takes before failing */
    public FailingDisk(String fileName, long bytesBeforeFull) {
        this.fileName = fileName;
        this.bytesBeforeFull = bytesBeforeFull;
    }

    @Override
    public OutputStream open(Path file) throws IOException {
        OutputStream disk = DISK.open(file);
        if (!file.getFileName().toString().equals(fileName)) {
            return disk;
        }
        return new FilterOutputStream(disk) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                room(1);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                room(len);
                out.write(b, off, len);
            }

            private void room(int len) throws IOException {
                if (written + len > bytesBeforeFull) {
                    throw new IOException("No space left on device");
                }
                written += len;
            }
        };
    }
}
