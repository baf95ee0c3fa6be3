package com.example.garmentclassifier.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browsers on other origins (a catalogue tool's web page) may call the public API only from these
 * ({@code classifier.cors.*}).
 *
 * @param allowedOrigins exact origins, e.g. https://catalogue.example.com; empty (default) = none
 */
@ConfigurationProperties("classifier.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins) {
}
