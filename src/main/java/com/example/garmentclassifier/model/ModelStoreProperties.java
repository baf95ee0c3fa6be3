package com.example.garmentclassifier.model;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the model store is ({@code classifier.model-store} and {@code classifier.model-store-seed}; other records
 * bind the rest of {@code classifier.*}). Bound here, beside the store's Spring wiring, because the store package
 * itself knows no Spring.
 *
 * @param modelStore     directory holding model versions, the active-version pointer and job history
 * @param modelStoreSeed a read-only store (the committed {@code model-store/}, set in application.properties, or
 *                       the one baked into the container image) whose versions are copied into {@code modelStore}
 *                       at startup when missing there; the store follows its active version while nobody has
 *                       activated another (see ModelStoreSeeder). Empty = no seed
 */
@ConfigurationProperties("classifier")
public record ModelStoreProperties(@DefaultValue("./var/model-store") Path modelStore, Path modelStoreSeed) {
}
