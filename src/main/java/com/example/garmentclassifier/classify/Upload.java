package com.example.garmentclassifier.classify;

/** One uploaded file: the name the caller gave it and its bytes. */
public record Upload(String name, byte[] data) {
}
