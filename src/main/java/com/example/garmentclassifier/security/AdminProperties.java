package com.example.garmentclassifier.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one admin user for /admin/** and non-public actuator endpoints ({@code classifier.admin.*}).
 *
 * @param password                 empty = generate a random one at startup and log it once
 * @param maxFailedLoginsPerMinute failed logins one client address may make per minute before its requests
 *                                 with credentials are refused (429) until the minute has passed
 */
@ConfigurationProperties("classifier.admin")
public record AdminProperties(@DefaultValue("admin") String username, String password,
                              @DefaultValue("10") int maxFailedLoginsPerMinute) {
}
