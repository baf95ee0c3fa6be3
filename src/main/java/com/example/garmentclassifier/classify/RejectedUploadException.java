package com.example.garmentclassifier.classify;

import org.springframework.http.HttpStatus;

/** A request or upload that cannot be classified; carries the HTTP status and a message safe to show the caller. */
public class RejectedUploadException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public RejectedUploadException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static RejectedUploadException noImages() {
        return new RejectedUploadException(HttpStatus.BAD_REQUEST, "No image",
                "Send one or more images as multipart/form-data parts named 'file', or one image as the raw body");
    }

    public static RejectedUploadException tooManyFiles(int count, int limit) {
        return new RejectedUploadException(HttpStatus.BAD_REQUEST, "Too many files",
                count + " files in one request; the limit is " + limit);
    }

    public static RejectedUploadException empty(String file) {
        return new RejectedUploadException(HttpStatus.BAD_REQUEST, "Empty upload", "'" + file + "' has no content");
    }

    public static RejectedUploadException unsupported(String file) {
        return new RejectedUploadException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported image type",
                "'" + file + "' is not a PNG, JPEG, GIF or BMP image");
    }

    public static RejectedUploadException undecodable(String file, ImageFormat format) {
        return new RejectedUploadException(HttpStatus.BAD_REQUEST, "Unreadable image",
                "'" + file + "' looks like " + format + " but cannot be decoded (truncated or corrupt)");
    }

    public static RejectedUploadException tooManyPixels(String file, long width, long height, long limit) {
        return new RejectedUploadException(HttpStatus.CONTENT_TOO_LARGE, "Image too large",
                "'" + file + "' is " + width + "x" + height + " pixels; the limit is " + limit + " pixels");
    }

    public static RejectedUploadException tooManyBytes(String file, long limit) {
        return new RejectedUploadException(HttpStatus.CONTENT_TOO_LARGE, "Upload too large",
                "'" + file + "' is larger than the limit of " + limit + " bytes");
    }
}
