package com.example.garmentclassifier.attributes;

import java.util.Locale;
import java.util.Map;

/**
 * A draft listing description in plain sentences, from the category and the attributes read from the
 * upload: "A navy striped T-shirt or top with short sleeves. Secondary colour: white." Deterministic;
 * it states only what the colour, pattern and sleeve analysis found.
 */
public final class DescriptionComposer {

    /** A second colour is mentioned when it covers at least this share of the garment. */
    static final double SECONDARY_SHARE = 0.15;

    /** How each category reads in a sentence (Fashion-MNIST's labels are terse or plural-less). */
    private static final Map<String, String> NOUNS = Map.of(
            "T-shirt/top", "T-shirt or top",
            "Trouser", "pair of trousers",
            "Pullover", "pullover",
            "Dress", "dress",
            "Coat", "coat",
            "Sandal", "pair of sandals",
            "Shirt", "shirt",
            "Sneaker", "pair of sneakers",
            "Bag", "bag",
            "Ankle boot", "pair of ankle boots");

    private DescriptionComposer() {
    }

    public static String description(String label, GarmentAttributes attributes) {
        String noun = NOUNS.getOrDefault(label, label.toLowerCase(Locale.ROOT));
        StringBuilder phrase = new StringBuilder();
        if (attributes != null) {
            phrase.append(attributes.colour().name()).append(' ');
            if (!"solid".equals(attributes.pattern().value())) {
                phrase.append(attributes.pattern().value()).append(' ');
            }
        }
        SleeveLength sleeves = attributes == null ? null : attributes.sleeveLength();
        if (sleeves != null && "sleeveless".equals(sleeves.value())) {
            phrase.append("sleeveless ");
        }
        phrase.append(noun);
        if (sleeves != null && !"sleeveless".equals(sleeves.value())) {
            phrase.append(" with ").append(sleeves.value()).append(" sleeves");
        }
        String first = phrase.toString();
        StringBuilder text = new StringBuilder(startsWithVowelSound(first) ? "An " : "A ").append(first).append('.');
        if (attributes != null && attributes.colours().size() > 1) {
            ColourShare second = attributes.colours().get(1);
            if (second.share() >= SECONDARY_SHARE && !second.name().equals(attributes.colour().name())) {
                text.append(" Secondary colour: ").append(second.name()).append('.');
            }
        }
        return text.toString();
    }

    private static boolean startsWithVowelSound(String phrase) {
        char first = Character.toLowerCase(phrase.charAt(0));
        return "aeio".indexOf(first) >= 0 || phrase.startsWith("u") && !phrase.startsWith("uni");
    }
}
