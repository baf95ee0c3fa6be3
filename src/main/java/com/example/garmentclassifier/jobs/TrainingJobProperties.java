package com.example.garmentclassifier.jobs;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the admin's retraining jobs run and what they promote ({@code classifier.training.*}).
 *
 * @param promotionTolerance  with promote=if-better, a new model is activated when its validation accuracy is at
 *                            least the active model's minus this (0 = must be at least as good)
 * @param process             child (default) or in-process
 * @param childHeap           the training child's -Xmx
 * @param childOffHeap        the training child's ND4J off-heap limit (org.bytedeco.javacpp.maxbytes)
 * @param childPhysicalMemory the training child's whole-process limit (org.bytedeco.javacpp.maxphysicalbytes)
 * @param childNice           CPU niceness added to the training child (0-19), so serving keeps priority
 * @param childJvmOptions     further options for the training child's JVM, after the memory limits (GC logging,
 *                            a flight recording, JIT settings); none by default
 * @param minFreeSpace        free space the model store needs before a job starts (a version takes about 13 MB)
 */
@ConfigurationProperties("classifier.training")
public record TrainingJobProperties(@DefaultValue("0") double promotionTolerance,
                                    @DefaultValue("child") TrainingProcess process,
                                    @DefaultValue("2g") String childHeap,
                                    @DefaultValue("3G") String childOffHeap,
                                    @DefaultValue("8G") String childPhysicalMemory,
                                    @DefaultValue("10") int childNice,
                                    @DefaultValue List<String> childJvmOptions,
                                    @DefaultValue("200MB") DataSize minFreeSpace) {

    /** Where retraining jobs run. */
    public enum TrainingProcess {
        /** A child JVM with its own memory limits, at lower CPU priority: a failure cannot take serving down. */
        CHILD,
        /** The service's own JVM (needs its heap and off-heap sized for training). */
        IN_PROCESS
    }
}
