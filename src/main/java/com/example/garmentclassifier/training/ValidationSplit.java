package com.example.garmentclassifier.training;

/**
 * The validation images: the last 5,000 of the training file (a tenth of a smaller file), which no training
 * run learns from, and the name a validation figure records for them so that a figure is reused only when it
 * was measured on the same model inputs. Training, calibration and the promotion gate all take it from here.
 */
public final class ValidationSplit {

    private ValidationSplit() {
    }

    /**
     * What a recorded validation figure names as its images: the split, and the fingerprint of its model
     * inputs as uploads with its labels ({@link ValidationFingerprint}).
     */
    public static String measuredOn(GarmentImages training) {
        GarmentImages validation = of(training);
        return measuredOn(training, new UploadPath().inputs(validation, 0, validation.size()));
    }

    /** The same, from the validation images already prepared as uploads (preparing them is most of the cost). */
    public static String measuredOn(GarmentImages training, float[][] validationAsUploads) {
        return describe(training) + ", inputs "
                + ValidationFingerprint.of(validationAsUploads, of(training).labels());
    }

    /** The validation images: the last 5,000 of the training file (a tenth of a smaller file). */
    public static GarmentImages of(GarmentImages training) {
        return training.range(training.size() - validationSize(training), training.size());
    }

    /** The split in words, e.g. "validation as uploads, training images 55000-59999". */
    public static String describe(GarmentImages training) {
        return String.format(java.util.Locale.ROOT, "validation as uploads, training images %d-%d",
                training.size() - validationSize(training), training.size() - 1);
    }

    private static int validationSize(GarmentImages training) {
        return Math.min(TrainingParameters.DEFAULTS.validationSize(), training.size() / 10);
    }
}
