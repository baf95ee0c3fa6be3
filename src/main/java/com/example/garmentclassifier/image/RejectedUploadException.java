package com.example.garmentclassifier.image;

import com.example.garmentclassifier.problem.ProblemException;

/** A request or upload that cannot be classified, with a message safe to show the caller. */
public class RejectedUploadException extends ProblemException {

    public RejectedUploadException(Kind kind, String title, String detail) {
        super(kind, title, detail);
    }

    public static RejectedUploadException noImages() {
        return new RejectedUploadException(Kind.INVALID, "No image",
                "Send one or more images as multipart/form-data parts named 'file', or one image as the raw body");
    }

    public static RejectedUploadException tooManyFiles(int count, int limit) {
        return new RejectedUploadException(Kind.INVALID, "Too many files",
                count + " files in one request; the limit is " + limit);
    }

    public static RejectedUploadException empty(String file) {
        return new RejectedUploadException(Kind.INVALID, "Empty upload", "'" + file + "' has no content");
    }

    public static RejectedUploadException unsupported(String file) {
        return new RejectedUploadException(Kind.UNSUPPORTED_TYPE, "Unsupported image type",
                "'" + file + "' is not a PNG, JPEG, GIF or BMP image");
    }

    public static RejectedUploadException undecodable(String file, ImageFormat format) {
        return new RejectedUploadException(Kind.INVALID, "Unreadable image",
                "'" + file + "' looks like " + format + " but cannot be decoded (truncated or corrupt)");
    }

    public static RejectedUploadException tooManyPixels(String file, long width, long height, long limit) {
        return new RejectedUploadException(Kind.TOO_LARGE, "Image too large",
                "'" + file + "' is " + width + "x" + height + " pixels; the limit is " + limit + " pixels");
    }

    public static RejectedUploadException tooManyBytes(String file, long limit) {
        return new RejectedUploadException(Kind.TOO_LARGE, "Upload too large",
                "'" + file + "' is larger than the limit of " + limit + " bytes");
    }
}
