package com.example.garmentclassifier.attributes;

import com.example.garmentclassifier.image.Foreground;
import java.util.List;

/** Reads colours, pattern and sleeve length from the garment pixels the preprocessing separated from the background. */
public class AttributeExtractor {

    public static final String NOT_SEPARATED = "no garment could be separated from the background";
    public static final String TOO_THIN = "the garment is too small or too thin to read colours and pattern from";

    /** The attributes, or the reason there are none. */
    public record Outcome(GarmentAttributes attributes, String reason) {
    }

    public Outcome extract(Foreground foreground) {
        if (!foreground.separated()) {
            return new Outcome(null, NOT_SEPARATED);
        }
        GarmentRegion region = GarmentRegion.of(foreground);
        if (!region.readable()) {
            return new Outcome(null, TOO_THIN);
        }
        List<ColourShare> colours = ColourAnalyzer.analyse(region);
        if (colours.isEmpty()) {
            return new Outcome(null, NOT_SEPARATED);
        }
        return new Outcome(new GarmentAttributes(colours.get(0), colours, PatternAnalyzer.analyse(region),
                SleeveLengthAnalyzer.analyse(region)), null);
    }
}
