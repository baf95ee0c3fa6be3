package com.example.garmentclassifier.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DescriptionComposerTest {

    private static GarmentAttributes attributes(String pattern, ColourShare... colours) {
        return new GarmentAttributes(colours[0], List.of(colours), new PatternScore(pattern, 0.9), null);
    }

    private static GarmentAttributes withSleeves(String sleeves, ColourShare colour) {
        return new GarmentAttributes(colour, List.of(colour), new PatternScore("solid", 0.9),
                new SleeveLength(sleeves, 0.8));
    }

    @Test
    void sayHowLongTheSleevesAreWhereTheCategoryHasThem() {
        ColourShare navy = new ColourShare("navy", "#1f2a44", 1);
        assertThat(DescriptionComposer.description("T-shirt/top", withSleeves("short", navy)))
                .isEqualTo("A navy T-shirt or top with short sleeves.");
        assertThat(DescriptionComposer.description("Pullover", withSleeves("long", navy)))
                .isEqualTo("A navy pullover with long sleeves.");
        assertThat(DescriptionComposer.description("Dress", withSleeves("sleeveless", navy)))
                .isEqualTo("A navy sleeveless dress.");
        GarmentAttributes bagReadAsSleeved = withSleeves("short", navy).forCategory("Bag");
        assertThat(bagReadAsSleeved.sleeveLength()).as("bags have no sleeves").isNull();
        assertThat(DescriptionComposer.description("Bag", bagReadAsSleeved)).isEqualTo("A navy bag.");
    }

    @Test
    void namesColourPatternAndTheCategoryAsASentenceReadsIt() {
        assertThat(DescriptionComposer.description("T-shirt/top", attributes("striped",
                new ColourShare("navy", "#1f2a44", 0.7), new ColourShare("white", "#f4f4f2", 0.3))))
                .isEqualTo("A navy striped T-shirt or top. Secondary colour: white.");
        assertThat(DescriptionComposer.description("Trouser", attributes("solid", new ColourShare("black", "#141414", 1))))
                .isEqualTo("A black pair of trousers.");
        assertThat(DescriptionComposer.description("Ankle boot", attributes("solid", new ColourShare("olive", "#6b6e23", 1))))
                .isEqualTo("An olive pair of ankle boots.");
    }

    @Test
    void aMinorSecondColourAndMissingAttributesAreLeftOut() {
        assertThat(DescriptionComposer.description("Bag", attributes("checked",
                new ColourShare("red", "#c62828", 0.9), new ColourShare("white", "#f4f4f2", 0.1))))
                .isEqualTo("A red checked bag.");
        assertThat(DescriptionComposer.description("Coat", null)).isEqualTo("A coat.");
        assertThat(DescriptionComposer.description("Sneaker", null)).isEqualTo("A pair of sneakers.");
    }
}
