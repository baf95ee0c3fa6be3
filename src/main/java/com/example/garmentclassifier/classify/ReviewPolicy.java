package com.example.garmentclassifier.classify;

import com.example.garmentclassifier.attributes.AttributeExtractor;
import java.util.Locale;

/**
 * Which results a person should check before they are listed. An upload in which no garment can be
 * told apart from the background (a blank, flat or degenerate image) is not a garment photo, however
 * confident the network is; nor is one showing several separate objects (an out-of-distribution signal
 * the network's confidence does not give); a label whose top probability is under the threshold is doubtful. The
 * default threshold, 0.7, was chosen on the validation images with the served (temperature-scaled)
 * probabilities (docs/api.md, "Honest confidence"): it flags about one image in ten, and about four in ten
 * of those are wrong, against one in thirty of the rest.
 *
 * @param threshold top-class probability under which a result needs review ({@code classifier.review-threshold})
 */
public record ReviewPolicy(double threshold) {

    /** @param reason why a person should look; null when no review is needed */
    public record Review(boolean needed, String reason) {

        static final Review NONE = new Review(false, null);

        /** Not a garment photo: drafting a title or a description would state a falsehood. */
        boolean notAGarment() {
            return needed && reason.startsWith(NO_GARMENT);
        }
    }

    static final String NO_GARMENT = "no garment found";

    public ReviewPolicy {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("classifier.review-threshold must be between 0 and 1, was " + threshold);
        }
    }

    /**
     * A garment photo shows one object: the largest connected object of the foreground under this share of it
     * means several separate things (shapes, furniture, letters). Chosen so that circle-and-square (0.56), a room
     * (0.49) and a page of text (0.002) are flagged while 1.2 % of the validation images as uploads are (1.1 % of
     * the test images, 2 of the 192 synthetic garment photos; docs/api.md, "Honest confidence").
     */
    public static final double MIN_MAIN_OBJECT_SHARE = 0.6;

    /**
     * @param mainObjectShare the largest connected object's share of the upload's foreground
     *                        ({@link com.example.garmentclassifier.image.ForegroundObjects})
     */
    Review review(double confidence, AttributeExtractor.Outcome attributes, double mainObjectShare) {
        String note = attributes.reason();
        if (attributes.attributes() == null
                && (AttributeExtractor.NOT_SEPARATED.equals(note) || AttributeExtractor.TOO_THIN.equals(note))) {
            return new Review(true, NO_GARMENT + ": " + note);
        }
        if (mainObjectShare < MIN_MAIN_OBJECT_SHARE) {
            String largest = mainObjectShare < 0.01 ? "under 1 %"
                    : String.format(Locale.ROOT, "%.0f %%", mainObjectShare * 100);
            return new Review(true, "the upload shows several separate objects, not one garment (the largest is "
                    + largest + " of them)");
        }
        if (confidence < threshold) {
            return new Review(true, String.format(Locale.ROOT, "the category is uncertain (%.0f %% confident, under %.0f %%)",
                    confidence * 100, threshold * 100));
        }
        return Review.NONE;
    }
}
