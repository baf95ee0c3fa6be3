package com.example.garmentclassifier.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Against password guessing: each client address may fail HTTP Basic authentication a limited
 * number of times per minute (a token bucket per address); beyond that, its requests that carry
 * credentials get 429 with Retry-After until the bucket refills. Requests without credentials
 * (the public API) are never affected.
 */
class FailedLoginThrottle extends OncePerRequestFilter {

    /** Addresses tracked at most; beyond this the table starts afresh rather than grow without bound. */
    private static final int MAX_TRACKED = 10_000;

    private final int failuresPerMinute;
    private final ProblemDetailAuthenticationHandler problems;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    FailedLoginThrottle(int failuresPerMinute, ProblemDetailAuthenticationHandler problems) {
        this.failuresPerMinute = failuresPerMinute;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            chain.doFilter(request, response);
            return;
        }
        Bucket bucket = bucket(request.getRemoteAddr());
        long waitNanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        if (waitNanos > 0) {
            problems.tooManyFailedLogins(request, response, Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1));
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            bucket.tryConsume(1);
        }
    }

    private Bucket bucket(String address) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(address, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(failuresPerMinute)
                        .refillGreedy(failuresPerMinute, Duration.ofMinutes(1)).build())
                .build());
    }
}
