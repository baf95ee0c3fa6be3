package com.example.garmentclassifier.jobs;

import com.example.garmentclassifier.model.ModelStoreCopy;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What every end-to-end test that trains needs: a private copy of the committed store, the mini data set, a password. */
final class PrivateStoreProperties {

    private PrivateStoreProperties() {
    }

    static void register(DynamicPropertyRegistry registry, String adminPassword) {
        register(registry, adminPassword, java.util.List.of());
    }

    /** @param alsoVersions further committed versions the copy holds besides the active one */
    static void register(DynamicPropertyRegistry registry, String adminPassword, java.util.List<String> alsoVersions) {
        registry.add("classifier.model-store", () -> ModelStoreCopy.ofCommitted(alsoVersions).toString());
        registry.add("classifier.dataset-dir", () -> "src/test/resources/fashion-mnist-mini");
        registry.add("classifier.admin.password", () -> adminPassword);
    }
}
