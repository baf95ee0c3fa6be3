package com.example.garmentclassifier;

import com.example.garmentclassifier.security.AdminProperties;
import com.example.garmentclassifier.security.CorsProperties;
import com.example.garmentclassifier.security.ProblemDetailAuthenticationHandler;
import com.example.garmentclassifier.security.ProblemResponses;
import com.example.garmentclassifier.security.SecurityConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * For a {@code @WebMvcTest} slice: the service's own security filter chain in front of the controller
 * (who may call what, the 401 problem detail, the headers), with a known admin password, so that a slice
 * checks its endpoints' security rules beside their errors and validation. A slice alone does not load it:
 * the chain is a bean of a configuration class, which slices do not scan.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import({SecurityConfiguration.class, ProblemDetailAuthenticationHandler.class, ProblemResponses.class})
@EnableConfigurationProperties({AdminProperties.class, CorsProperties.class})
@TestPropertySource(properties = "classifier.admin.password=" + WithServiceSecurity.ADMIN_PASSWORD)
public @interface WithServiceSecurity {

    String ADMIN = "admin";

    String ADMIN_PASSWORD = "slice-secret";
}
