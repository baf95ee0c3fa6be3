package com.example.garmentclassifier;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that is slow because it does the real, expensive thing: trains a network, starts a
 * child JVM or a browser, fuzzes thousands of uploads, runs two service instances, or measures a model on
 * hundreds of images. Such classes run under failsafe in {@code ./mvnw verify} (and so in CI), and stay out
 * of {@code ./mvnw test}, the fast loop of unit tests, slices and the lighter end-to-end tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(IntegrationTest.TAG)
public @interface IntegrationTest {

    /** The JUnit tag that the pom's surefire excludes and failsafe selects. */
    String TAG = "integration";
}
