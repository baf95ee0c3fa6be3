package com.example.garmentclassifier.classify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one classification request may send, and how its images are worked on and judged ({@code classifier.*}
 * top-level keys; other records bind the rest of {@code classifier.*}). The Open Inference Protocol reads the file
 * count too, so that both endpoints take the same number of images.
 *
 * @param maxFilesPerRequest   most images accepted by one /classify call (and one protocol inference request)
 * @param maxImageBytes        largest single upload (multipart part or raw body)
 * @param maxImagePixels       largest decoded image (width x height), against decompression bombs
 * @param imageWorkConcurrency request threads decoding, preprocessing or reading attributes at once; 0 = one per
 *                             available processor (more only adds contention on the cores)
 * @param reviewThreshold      top-class probability under which a result is flagged {@code needsReview} (0.7,
 *                             chosen on the validation images; see docs/api.md, "Honest confidence")
 */
@ConfigurationProperties("classifier")
public record ClassifyProperties(@DefaultValue("64") int maxFilesPerRequest,
                                 @DefaultValue("10MB") DataSize maxImageBytes,
                                 @DefaultValue("40000000") long maxImagePixels,
                                 @DefaultValue("0") int imageWorkConcurrency,
                                 @DefaultValue("0.7") double reviewThreshold) {
}
