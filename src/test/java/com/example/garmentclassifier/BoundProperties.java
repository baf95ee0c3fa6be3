package com.example.garmentclassifier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * A settings record as the service binds it, under the prefix its {@code @ConfigurationProperties} names. With no
 * properties at all it holds the record's own defaults, read from its {@code @DefaultValue}s, so that no test
 * repeats them and none goes stale when a default changes.
 */
public final class BoundProperties {

    private BoundProperties() {
    }

    /** The record as an application without any {@code classifier.*} setting binds it. */
    public static <T> T defaults(Class<T> type) {
        return from(new Binder(), type);
    }

    /** The record as bound from {@code binder}'s properties, its defaults where they set nothing. */
    public static <T> T from(Binder binder, Class<T> type) {
        ConfigurationProperties binding = type.getAnnotation(ConfigurationProperties.class);
        if (binding == null) {
            throw new IllegalArgumentException(type.getName() + " is not a @ConfigurationProperties record");
        }
        // prefix and value are aliases; plain reflection sees only the one that was written.
        String prefix = binding.prefix().isEmpty() ? binding.value() : binding.prefix();
        return binder.bindOrCreate(prefix, type);
    }
}
