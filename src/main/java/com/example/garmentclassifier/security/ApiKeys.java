package com.example.garmentclassifier.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Which client an API key belongs to. Keys are held as SHA-256 digests and looked up by the
 * digest of the presented key, so neither the keys nor how much of a guess matched show in timing.
 */
class ApiKeys {

    private final Map<String, String> clientByKeyDigest = new HashMap<>();

    /** @param keysByClient client name to its key */
    ApiKeys(Map<String, String> keysByClient) {
        keysByClient.forEach((client, key) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("classifier.clients.api-keys." + client + " is empty");
            }
            String previous = clientByKeyDigest.put(digest(key), client);
            if (previous != null) {
                throw new IllegalArgumentException("Clients " + previous + " and " + client + " have the same API key");
            }
        });
    }

    Optional<String> clientOf(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(clientByKeyDigest.get(digest(presentedKey)));
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
