package com.example.garmentclassifier.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the application on its random port. */
public class HttpTestClient {

    /** One multipart part. */
    public record Part(String name, String filename, String contentType, byte[] data) {
        public static Part file(String filename, byte[] data) {
            return new Part("file", filename, "application/octet-stream", data);
        }
    }

    /** Status, content type and body of a response. */
    public record Response(int status, String contentType, String body, JsonNode json,
                           java.net.http.HttpHeaders headers, byte[] bytes) {
    }

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final String headerName;
    private final String headerValue;

    public HttpTestClient(int port) {
        this(port, null, null);
    }

    private HttpTestClient(int port, String headerName, String headerValue) {
        this.base = "http://localhost:" + port;
        this.headerName = headerName;
        this.headerValue = headerValue;
    }

    /** The same client sending HTTP Basic credentials on every request. */
    public HttpTestClient withBasicAuth(String user, String password) {
        String token = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return withHeader("Authorization", "Basic " + token);
    }

    /** The same client sending this header on every request (e.g. an API key). */
    public HttpTestClient withHeader(String name, String value) {
        return new HttpTestClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), name, value);
    }

    public Response postJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response postMultipart(String path, List<Part> parts) {
        String boundary = "----test" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            write(body, "--" + boundary + "\r\n");
            write(body, "Content-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.filename() == null ? "" : "; filename=\"" + part.filename() + "\"") + "\r\n");
            write(body, "Content-Type: " + part.contentType() + "\r\n\r\n");
            body.writeBytes(part.data());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Response postBody(String path, String contentType, byte[] data) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(data)));
    }

    public Response send(HttpRequest.Builder request) {
        if (headerName != null) {
            request.header(headerName, headerValue);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String body = new String(response.body(), StandardCharsets.UTF_8);
            JsonNode node = contentType.contains("json") ? json.readTree(body) : null;
            return new Response(response.statusCode(), contentType, body, node, response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
