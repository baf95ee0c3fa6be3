package com.example.garmentclassifier.attributes;

/** A draft listing title: colour, pattern (solid is not named) and the predicted category. */
public final class TitleComposer {

    private TitleComposer() {
    }

    public static String title(String label, GarmentAttributes attributes) {
        if (attributes == null) {
            return label;
        }
        StringBuilder title = new StringBuilder(attributes.colour().name());
        if (!"solid".equals(attributes.pattern().value())) {
            title.append(' ').append(attributes.pattern().value());
        }
        title.append(' ').append(label);
        return Character.toUpperCase(title.charAt(0)) + title.substring(1);
    }
}
