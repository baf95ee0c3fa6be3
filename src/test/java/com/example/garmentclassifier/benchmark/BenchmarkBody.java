package com.example.garmentclassifier.benchmark;

/**
 * One prepared POST /classify body, built once and re-sent by every client of a cell.
 *
 * @param name           short label for reports ("png-28", "jpeg-640", "multipart-64")
 * @param description    what the body is, for the report's legend
 * @param contentType    the request's Content-Type header, including a multipart boundary
 * @param bytes          the body; never modified after construction, so clients share it
 * @param imagesPerRequest how many images one request classifies (64 for the multipart body)
 */
public record BenchmarkBody(String name, String description, String contentType, byte[] bytes, int imagesPerRequest) {
}
