package com.example.garmentclassifier.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import java.util.List;

/**
 * /admin/** and every actuator endpoint but health and info need HTTP Basic as the admin user;
 * everything else (classification, model listing, API docs) is public. Stateless: no sessions,
 * no CSRF tokens (no browser forms post to the admin API).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

    static final String ADMIN_ROLE = "ADMIN";
    /**
     * For the pages (Swagger UI): everything from this origin only, no plugins, no framing, no inline
     * script. Inline styles stay allowed because Swagger UI sets style attributes; its icons are data: URIs.
     * Spring Security's defaults add nosniff, X-Frame-Options DENY and no-cache on top.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemDetailAuthenticationHandler problems,
                                            AdminProperties admin, CorsProperties origins) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(corsConfiguration(origins)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(ADMIN_ROLE)
                        .requestMatchers("/admin/**").hasRole(ADMIN_ROLE)
                        .anyRequest().permitAll())
                .addFilterBefore(new FailedLoginThrottle(admin.maxFailedLoginsPerMinute(), problems),
                        BasicAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** Closed unless origins are configured; then only the public API, never /admin/**, for those origins. */
    private static CorsConfigurationSource corsConfiguration(CorsProperties cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!cors.allowedOrigins().isEmpty()) {
            CorsConfiguration api = new CorsConfiguration();
            api.setAllowedOrigins(cors.allowedOrigins());
            api.setAllowedMethods(List.of("GET", "POST"));
            api.setAllowedHeaders(List.of("Content-Type", "X-API-Key"));
            api.setMaxAge(3600L);
            for (String path : List.of("/classify", "/classes", "/models", "/models/**")) {
                source.registerCorsConfiguration(path, api);
            }
        }
        return source;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService adminUser(AdminProperties admin, PasswordEncoder encoder) {
        String password = admin.password();
        if (password == null || password.isBlank()) {
            password = generatePassword();
            // Logged once, like Spring Boot's default user: set classifier.admin.password to choose one.
            log.warn("\n\nGenerated admin password for user '{}': {}\nSet classifier.admin.password"
                    + " (CLASSIFIER_ADMIN_PASSWORD) to choose one.\n", admin.username(), password);
        }
        UserDetails user = User.withUsername(admin.username()).password(encoder.encode(password)).roles(ADMIN_ROLE)
                .build();
        // Exact match: Spring's in-memory manager would also accept "ADMIN" or "Admin".
        return username -> {
            if (!admin.username().equals(username)) {
                throw new UsernameNotFoundException("unknown user");
            }
            return User.withUserDetails(user).build();
        };
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
