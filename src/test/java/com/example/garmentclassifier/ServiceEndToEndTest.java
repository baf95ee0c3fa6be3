package com.example.garmentclassifier;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on random ports over the committed model, with the settings the end-to-end tests of
 * the public API have in common. Spring caches an application context per distinct configuration, so
 * every class carrying this one annotation shares one started service instead of starting its own; a
 * class that needs a setting of its own (small limits, API keys, a store it writes to) pays for a context
 * of its own and should say why.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "classifier.admin.password=" + ServiceEndToEndTest.ADMIN_PASSWORD,
        "classifier.cors.allowed-origins=" + ServiceEndToEndTest.CORS_ORIGIN})
public @interface ServiceEndToEndTest {

    /** The admin's password in the shared context (for actuator's detailed health, say). */
    String ADMIN_PASSWORD = "e2e-secret";

    /** The one web origin the shared context lets call the public API from a browser. */
    String CORS_ORIGIN = "https://catalogue.example";
}
