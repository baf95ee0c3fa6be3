package com.example.garmentclassifier.training;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of the validation images as the served path prepares them, with their labels. Two
 * accuracies recorded with the same digest were measured on the same model inputs and answers, so
 * the promotion gate may compare them; another data set of the same size, or a change to decoding or
 * preprocessing that alters what these images become, gives another digest, and the figures are
 * measured again instead of compared across the change.
 */
public final class ValidationFingerprint {

    /** Twelve hex digits: enough to tell versions of the inputs apart, short enough to read in a job. */
    private static final int BYTES = 6;

    private ValidationFingerprint() {
    }

    public static String of(GarmentImages validation) {
        return of(new UploadPath().inputs(validation, 0, validation.size()), validation.labels());
    }

    /** The same digest from model inputs already prepared as uploads, one row per label. */
    public static String of(float[][] inputsAsUploads, int[] labels) {
        MessageDigest digest = sha256();
        for (int i = 0; i < inputsAsUploads.length; i++) {
            float[] input = inputsAsUploads[i];
            ByteBuffer buffer = ByteBuffer.allocate(input.length * Float.BYTES + Integer.BYTES);
            for (float value : input) {
                buffer.putFloat(value);
            }
            buffer.putInt(labels[i]);
            digest.update(buffer.array());
        }
        return HexFormat.of().formatHex(digest.digest(), 0, BYTES);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
