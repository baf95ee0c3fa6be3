package com.example.garmentclassifier.jobs;

import com.example.garmentclassifier.store.MetadataRecords;
import com.example.garmentclassifier.store.StoreLayout;
import com.example.garmentclassifier.store.StoreLocks;
import com.example.garmentclassifier.store.VersionWriter;
import org.springframework.stereotype.Component;

/**
 * The parts of the model store a training job uses, as one of {@link TrainingJobService}'s collaborators
 * rather than four: where its record lives ({@link StoreLayout#jobs()}), the check that a new version
 * would fit before hours of training, the store-wide training lock, and the job named in the metadata
 * of the version it made.
 */
@Component
public record TrainingJobStore(StoreLayout layout, VersionWriter writer, StoreLocks locks, MetadataRecords records) {
}
