package com.example.garmentclassifier.oip;

import io.swagger.v3.oas.annotations.media.Schema;

/** The protocol's error object: the protocol's clients read {@code error}, not a problem detail. */
@Schema(name = "OipError")
public record ProtocolError(@Schema(example = "Unknown model 'shoes'; this server serves 'garment-classifier'")
                            String error) {
}
