package com.example.garmentclassifier.inference.batching;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How concurrent requests are coalesced into engine calls ({@code classifier.batching.*}). The batcher takes it as
 * a plain record; only the binding annotations are Spring's.
 *
 * @param enabled         coalesce concurrent requests into one engine call (false = each request runs alone)
 * @param maxBatchSize    most images in one engine call (each image runs twice: as uploaded and mirrored)
 * @param maxDelay        longest an image waits for others to join its batch, counted from its arrival
 * @param maxQueuedImages images waiting at most; beyond that /classify answers 503 with Retry-After at once
 */
@ConfigurationProperties("classifier.batching")
public record BatchingProperties(@DefaultValue("true") boolean enabled, @DefaultValue("32") int maxBatchSize,
                                 @DefaultValue("0ms") Duration maxDelay, @DefaultValue("512") int maxQueuedImages) {
}
