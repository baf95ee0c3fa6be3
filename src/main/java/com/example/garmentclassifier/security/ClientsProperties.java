package com.example.garmentclassifier.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Callers of /classify ({@code classifier.clients.*}). Keys are keyed by client name (not the other way round)
 * because a name is a plain identifier that any property source binds unchanged, while a key is a secret that
 * may hold any character.
 *
 * @param apiKeys           client name to its API key, sent in the X-API-Key header; empty (default) = no key
 *                          needed, every caller counts as the client "anonymous"
 * @param requestsPerMinute /classify requests one client may make per minute (a client may spend the minute's
 *                          allowance at once, then waits for it to refill); 0 (default) = no limit
 */
@ConfigurationProperties("classifier.clients")
public record ClientsProperties(@DefaultValue Map<String, String> apiKeys, @DefaultValue("0") int requestsPerMinute) {

    public boolean keysRequired() {
        return !apiKeys.isEmpty();
    }
}
