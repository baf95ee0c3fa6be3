package com.example.garmentclassifier.security;

import com.example.garmentclassifier.security.ClientRequestMetrics.Outcome;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who is calling POST /classify, and whether they may now: with API keys configured, the
 * X-API-Key header must name a client (401 otherwise); each client's requests are then counted
 * against its rate limit (429 with Retry-After beyond it). Refused before the upload is read, so
 * a flood costs its headers only.
 */
class ClientAccessFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";
    static final String ANONYMOUS = "anonymous";
    private static final String UNKNOWN = "unknown";

    private final ApiKeys keys;
    private final boolean keysRequired;
    private static final String CLASSIFY = "/classify";
    /** The Open Inference Protocol's inference endpoint is a way to classify too: same keys, same allowance. */
    private static final Pattern INFER = Pattern.compile("/v2/models/[^/]+(/versions/[^/]+)?/infer");

    private final ClientRateLimits limits;
    private final ClientRequestMetrics metrics;
    private final ProblemResponses problems;

    ClientAccessFilter(ApiKeys keys, boolean keysRequired, ClientRateLimits limits, ClientRequestMetrics metrics,
                       ProblemResponses problems) {
        this.keys = keys;
        this.keysRequired = keysRequired;
        this.limits = limits;
        this.metrics = metrics;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && (CLASSIFY.equals(request.getServletPath())
                || INFER.matcher(request.getServletPath()).matches()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = ANONYMOUS;
        if (keysRequired) {
            Optional<String> known = keys.clientOf(request.getHeader(API_KEY_HEADER));
            if (known.isEmpty()) {
                metrics.count(UNKNOWN, Outcome.UNAUTHENTICATED);
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "API key required",
                        request.getHeader(API_KEY_HEADER) == null
                                ? "This service needs an API key in the " + API_KEY_HEADER + " header"
                                : "The API key in the " + API_KEY_HEADER + " header is not known to this service");
                return;
            }
            client = known.get();
        }
        OptionalLong retryAfter = limits.acquire(client);
        if (retryAfter.isPresent()) {
            metrics.count(client, Outcome.RATE_LIMITED);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.getAsLong()));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Rate limit reached",
                    "Client " + client + " has used its allowance of /classify requests for now; try again in "
                            + retryAfter.getAsLong() + " s");
            return;
        }
        metrics.count(client, Outcome.ACCEPTED);
        chain.doFilter(request, response);
    }
}
