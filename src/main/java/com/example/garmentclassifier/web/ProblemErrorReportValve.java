package com.example.garmentclassifier.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's own error report, for requests it refuses before any application code runs (e.g. an
 * encoded slash in the path): a problem detail in JSON instead of Tomcat's HTML page with its
 * version number.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String reason = StringManager.getManager("org.apache.catalina.valves").getString("http." + status + ".reason");
        String title = reason == null || reason.startsWith("http.") ? "Error " + status : reason;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"The request was refused by the server before it reached the service\"}");
            }
        } catch (IOException | IllegalStateException e) {
            // Nothing more can be said to this client.
        }
    }
}
