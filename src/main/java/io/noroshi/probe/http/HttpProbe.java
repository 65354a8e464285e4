package io.noroshi.probe.http;

import io.noroshi.probe.Probe;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks a web page or API: status code, body keywords, latency, and for HTTPS the served
 * certificate's expiry.
 *
 * <pre>
 * - kind: http
 *   url: https://www.example.com/health
 *   method: GET                  # GET | HEAD | POST; default GET
 *   body: '{"ping":true}'        # sent with POST only
 *   expected_status: [200-299, 418]   # default 200-399
 *   body_contains: "ok"          # DOWN when absent from the first 64 KiB
 *   body_excludes: "maintenance" # DOWN when present in the first 64 KiB
 *   degraded_after: 2s           # DEGRADED when slower; default: never
 *   follow_redirects: true       # default true, at most 5 hops
 *   certificate_warn_days: 14    # DEGRADED when the certificate expires sooner; 0: only expired is DOWN
 *   timeout: 10s
 * </pre>
 *
 * @param url                 http or https URL
 * @param method              request method
 * @param body                request body for POST; {@code null} for none
 * @param expectedStatus      accepted status codes; the final response after redirects counts
 * @param bodyContains        text that must appear in the body, or {@code null}
 * @param bodyExcludes        text that must not appear in the body, or {@code null}
 * @param degradedAfter       latency above which the check is DEGRADED, or {@code null}
 * @param followRedirects     whether 3xx responses are followed
 * @param certificateWarnDays DEGRADED when the HTTPS certificate has fewer days left
 * @param timeout             for the whole check, redirects and body included
 */
public record HttpProbe(URI url, HttpMethod method, String body, List<StatusRange> expectedStatus,
        String bodyContains, String bodyExcludes, Duration degradedAfter, boolean followRedirects,
        int certificateWarnDays, Duration timeout) implements Probe {

    public static final List<StatusRange> DEFAULT_EXPECTED_STATUS = List.of(StatusRange.SUCCESS_OR_REDIRECT);
    public static final int DEFAULT_CERTIFICATE_WARN_DAYS = 14;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public HttpProbe {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("url must start with http:// or https://, was " + url);
        }
        method = method == null ? HttpMethod.GET : method;
        expectedStatus = expectedStatus == null || expectedStatus.isEmpty() ? DEFAULT_EXPECTED_STATUS : List.copyOf(expectedStatus);
        bodyContains = blankToNull(bodyContains);
        bodyExcludes = blankToNull(bodyExcludes);
        if (method == HttpMethod.HEAD && (bodyContains != null || bodyExcludes != null)) {
            throw new IllegalArgumentException("body_contains and body_excludes need method GET or POST: HEAD has no body");
        }
        if (certificateWarnDays < 0) {
            throw new IllegalArgumentException("certificate_warn_days must not be negative, was " + certificateWarnDays);
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** A GET of {@code url} with every other field at its default. */
    public static HttpProbe get(URI url) {
        return new HttpProbe(url, HttpMethod.GET, null, null, null, null, null, true, DEFAULT_CERTIFICATE_WARN_DAYS, null);
    }

    public HttpProbe withBodyRules(String contains, String excludes) {
        return new HttpProbe(url, method, body, expectedStatus, contains, excludes, degradedAfter, followRedirects, certificateWarnDays, timeout);
    }

    public HttpProbe withDegradedAfter(Duration threshold) {
        return new HttpProbe(url, method, body, expectedStatus, bodyContains, bodyExcludes, threshold, followRedirects, certificateWarnDays, timeout);
    }

    public HttpProbe withFollowRedirects(boolean follow) {
        return new HttpProbe(url, method, body, expectedStatus, bodyContains, bodyExcludes, degradedAfter, follow, certificateWarnDays, timeout);
    }

    public HttpProbe withCertificateWarnDays(int days) {
        return new HttpProbe(url, method, body, expectedStatus, bodyContains, bodyExcludes, degradedAfter, followRedirects, days, timeout);
    }

    public HttpProbe withExpectedStatus(List<StatusRange> accepted) {
        return new HttpProbe(url, method, body, accepted, bodyContains, bodyExcludes, degradedAfter, followRedirects, certificateWarnDays, timeout);
    }

    public HttpProbe withMethod(HttpMethod verb, String requestBody) {
        return new HttpProbe(url, verb, requestBody, expectedStatus, bodyContains, bodyExcludes, degradedAfter, followRedirects, certificateWarnDays, timeout);
    }

    public HttpProbe withTimeout(Duration limit) {
        return new HttpProbe(url, method, body, expectedStatus, bodyContains, bodyExcludes, degradedAfter, followRedirects, certificateWarnDays, limit);
    }

    public boolean accepts(int status) {
        return expectedStatus.stream().anyMatch(range -> range.contains(status));
    }

    @Override
    public String kind() {
        return "http";
    }

    /** The URL without user info or query, which may carry tokens. */
    @Override
    public String target() {
        String port = url.getPort() == -1 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getScheme() + "://" + url.getHost() + port + path;
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
