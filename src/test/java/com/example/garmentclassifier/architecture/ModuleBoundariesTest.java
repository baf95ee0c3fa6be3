package com.example.garmentclassifier.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The arrows between the service's packages, as they are meant to run: a change that makes one run
 * the wrong way fails here, with the classes and the dependency that did it (see docs/development.md).
 * Main code only; tests may reach anywhere.
 */
class ModuleBoundariesTest {

    private static final String ROOT = "com.example.garmentclassifier";
    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(main);
    }

    /**
     * Web and admin endpoints on top; then security (who may call what, API keys, rate limits); then the model
     * versions' API and report pages ({@code models/}); then the upload path and the protocol; then the admin's
     * training jobs (API, runners, promotion); then training itself (data set, networks, loop, evaluation, command
     * line); the model versions' lifecycle (saving and loading networks, activation); the serving runtime
     * ({@code inference/}: the predictor, the serving version and its leases, batching, engines and their parity
     * check), which the upload path and the protocol classify through without reaching into the lifecycle; the model
     * store's files ({@code store/}: versions, metadata, the active version, locks, seeding); image handling; and at
     * the bottom the refusals all of them raise ({@code problem/}). Each may use what is below it.
     */
    @Test
    void layersAreUsedFromAboveOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("web").definedBy(ROOT + ".web..")
                .layer("security").definedBy(ROOT + ".security..")
                .layer("models").definedBy(ROOT + ".models..")
                .layer("endpoints").definedBy(ROOT + ".classify..", ROOT + ".oip..")
                .layer("jobs").definedBy(ROOT + ".jobs..")
                .layer("training").definedBy(ROOT + ".training..")
                .layer("model").definedBy(ROOT + ".model..")
                .layer("inference").definedBy(ROOT + ".inference..")
                .layer("store").definedBy(ROOT + ".store..")
                .layer("images").definedBy(ROOT + ".image..", ROOT + ".attributes..")
                .layer("problems").definedBy(ROOT + ".problem..")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("security").mayOnlyBeAccessedByLayers("web")
                .whereLayer("models").mayOnlyBeAccessedByLayers("web")
                .whereLayer("endpoints").mayOnlyBeAccessedByLayers("web")
                .whereLayer("jobs").mayOnlyBeAccessedByLayers("web")
                .whereLayer("training").mayOnlyBeAccessedByLayers("web", "models", "jobs")
                .whereLayer("model").mayOnlyBeAccessedByLayers("web", "models", "jobs", "training")
                .whereLayer("inference").mayOnlyBeAccessedByLayers("web", "models", "endpoints", "jobs", "training",
                        "model")
                .whereLayer("store").mayOnlyBeAccessedByLayers("web", "models", "endpoints", "jobs", "training",
                        "model", "inference")
                .whereLayer("images").mayOnlyBeAccessedByLayers("web", "models", "endpoints", "jobs", "training")
                .whereLayer("problems").mayOnlyBeAccessedByLayers("web", "models", "endpoints", "jobs", "training",
                        "model", "inference", "store", "images")
                .check(main);
    }

    /** The refusals every feature raises are plain Java, so the engine and image code can raise them too. */
    @Test
    void problemsDependOnNothingButTheJdk() {
        classes().that().resideInAPackage(ROOT + ".problem..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".problem..", "java..")
                .check(main);
    }

    /**
     * As DJL Serving's engine: the serving runtime (predictor, leases, batching, engines) knows nothing of HTTP or
     * of Spring; only its wiring into the service, {@code InferenceConfiguration}, is a Spring class. Its settings
     * records ({@code InferenceProperties}, {@code BatchingProperties}) carry Spring's binding annotations beside the
     * code that reads them, and are plain records to that code.
     */
    @Test
    void servingRuntimeIsFreeOfWebAndSpringTypes() {
        noClasses().that().resideInAPackage(ROOT + ".inference..").and().doNotHaveSimpleName("InferenceConfiguration")
                .and().areNotAnnotatedWith(ConfigurationProperties.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .check(main);
        noClasses().that().resideInAPackage(ROOT + ".inference..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(main);
    }

    /**
     * The serving runtime serves whoever asks (/classify, the protocol, training's evaluation, later bulk jobs)
     * without knowing them, nor how versions are stored and activated: model/ loads versions into it, never the
     * other way round.
     */
    @Test
    void servingRuntimeKnowsNoneOfItsCallers() {
        noClasses().that().resideInAPackage(ROOT + ".inference..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".web..", ROOT + ".models..",
                        ROOT + ".classify..", ROOT + ".oip..", ROOT + ".jobs..", ROOT + ".training..", ROOT + ".model..",
                        ROOT + ".image..", ROOT + ".attributes..", ROOT + ".security..")
                .check(main);
    }

    /**
     * The model store is files and JSON: it holds versions whatever the networks in them are, so it never
     * loads DL4J or ONNX Runtime (the model package saves and restores networks through it), and it
     * serves no requests.
     */
    @Test
    void storeIsFreeOfNetworksAndWebTypes() {
        noClasses().that().resideInAPackage(ROOT + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..",
                        "ai.onnxruntime..", "org.springframework.web..", "jakarta.servlet..")
                .check(main);
    }

    /** Below the model, the store uses only the refusals (and the JDK, logging and JSON). */
    @Test
    void storeUsesNoOtherFeature() {
        noClasses().that().resideInAPackage(ROOT + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".web..", ROOT + ".models..", ROOT + ".classify..",
                        ROOT + ".oip..", ROOT + ".jobs..", ROOT + ".training..", ROOT + ".model..", ROOT + ".inference..",
                        ROOT + ".image..", ROOT + ".attributes..", ROOT + ".security..")
                .check(main);
    }

    /** Decoding, preprocessing and attributes are plain code over pixels: usable by training and tests alike. */
    @Test
    void imageHandlingIsFreeOfWebAndModelTypes() {
        noClasses().that().resideInAnyPackage(ROOT + ".image..", ROOT + ".attributes..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "org.deeplearning4j..", "org.nd4j..", "ai.onnxruntime..")
                .check(main);
    }

    /**
     * Who may call what, API keys and rate limits stand in front of every feature as filters, and know none:
     * they see paths and headers, never a model, an image or a job.
     */
    @Test
    void securityKnowsNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".security..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".web..", ROOT + ".models..", ROOT + ".classify..",
                        ROOT + ".oip..", ROOT + ".jobs..", ROOT + ".training..", ROOT + ".model..", ROOT + ".inference..",
                        ROOT + ".store..", ROOT + ".image..", ROOT + ".attributes..")
                .check(main);
    }

    /**
     * Each feature binds its own settings, in a {@code @ConfigurationProperties} record beside the code that reads
     * them. The records are plain data: the JDK, Spring's binding annotations and units, and settings types only,
     * so that reading a setting never pulls in another feature's code.
     */
    @Test
    void settingsAreDataBesideTheirFeature() {
        classes().that().areAnnotatedWith(ConfigurationProperties.class)
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..",
                        "org.springframework.boot.context.properties..", "org.springframework.util.unit..")
                        .or(nameMatching(".*Properties(\\$.*)?")))
                .check(main);
    }
}
