package io.noroshi.probe.http;

import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import io.noroshi.probe.Checker;
import io.noroshi.probe.FailureReason;
import io.noroshi.probe.ProbeRun;
import io.noroshi.probe.ProtocolViolation;
import io.noroshi.probe.tls.CertificateExpiry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Sends the probe's request through an injected {@link HttpClient}, follows redirects itself
 * (so one client serves probes that follow and probes that do not), reads at most
 * {@link #BODY_LIMIT_BYTES} of the body, and judges status, keywords, certificate and latency.
 */
public final class HttpChecker implements Checker<HttpProbe> {

    /** Keywords are searched in this much of the body; health pages are far smaller. */
    public static final int BODY_LIMIT_BYTES = 64 * 1024;

    /** Browsers allow about 20; a status probe that needs more than 5 is misconfigured. */
    static final int MAX_REDIRECTS = 5;

    private final InstantSource clock;
    private final HttpClient client;

    /** @param client should not follow redirects itself (see {@link #defaultClient()}); the probe decides */
    public HttpChecker(InstantSource clock, HttpClient client) {
        this.clock = clock;
        this.client = client;
    }

    /** A client on virtual threads that leaves redirects to the checker and trusts the JDK's CAs. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public CheckResult check(HttpProbe probe) {
        ProbeRun run = ProbeRun.start(clock);
        try {
            HttpResponse<byte[]> response = fetch(probe, run);
            return judge(probe, run, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return run.down("check interrupted");
        } catch (ExecutionException e) {
            return run.failed(e.getCause(), probe.timeout());
        } catch (Exception e) {
            return run.failed(e, probe.timeout());
        }
    }

    private HttpResponse<byte[]> fetch(HttpProbe probe, ProbeRun run) throws Exception {
        URI uri = probe.url();
        HttpMethod method = probe.method();
        for (int hop = 0; ; hop++) {
            HttpResponse<byte[]> response = send(uri, method, probe, run);
            Optional<String> location = response.headers().firstValue("Location");
            if (!probe.followRedirects() || !isRedirect(response.statusCode()) || location.isEmpty()) {
                return response;
            }
            if (hop == MAX_REDIRECTS) {
                throw new ProtocolViolation("more than " + MAX_REDIRECTS + " redirects");
            }
            uri = uri.resolve(location.get());
            // 303 always, and 301/302 after POST in practice, turn the next request into a GET.
            int status = response.statusCode();
            if (status == 303 || (method == HttpMethod.POST && (status == 301 || status == 302))) {
                method = HttpMethod.GET;
            }
        }
    }

    private HttpResponse<byte[]> send(URI uri, HttpMethod method, HttpProbe probe, ProbeRun run) throws Exception {
        Duration left = probe.timeout().minus(run.elapsed());
        if (left.isNegative() || left.isZero()) {
            throw new TimeoutException();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(left).header("User-Agent", "noroshi-probe");
        switch (method) {
            case GET -> request.GET();
            case HEAD -> request.HEAD();
            case POST -> request.POST(probe.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofString(probe.body()));
        }
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request.build(), BoundedBody.handler(BODY_LIMIT_BYTES));
        try {
            // The request timeout covers the headers only; this bounds the body as well.
            return pending.get(left.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            pending.cancel(true);
        }
    }

    private CheckResult judge(HttpProbe probe, ProbeRun run, HttpResponse<byte[]> response) throws SSLPeerUnverifiedException {
        Duration latency = run.elapsed();
        int status = response.statusCode();
        if (!probe.accepts(status)) {
            return run.down("HTTP " + status + " (expected " + describe(probe.expectedStatus()) + ")");
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (probe.bodyContains() != null && !body.contains(probe.bodyContains())) {
            return run.down("body does not contain \"" + probe.bodyContains() + "\"");
        }
        if (probe.bodyExcludes() != null && body.contains(probe.bodyExcludes())) {
            return run.down("body contains \"" + probe.bodyExcludes() + "\"");
        }
        List<String> warnings = new ArrayList<>();
        Optional<SSLSession> tls = response.sslSession();
        if (tls.isPresent() && leaf(tls.get()) instanceof X509Certificate certificate) {
            CertificateExpiry expiry = CertificateExpiry.of(certificate, clock.instant(), probe.certificateWarnDays());
            if (expiry.outcome() == CheckOutcome.DOWN) {
                return run.down(expiry.message());
            }
            if (expiry.outcome() == CheckOutcome.DEGRADED) {
                warnings.add(expiry.message());
            }
        }
        if (probe.degradedAfter() != null && latency.compareTo(probe.degradedAfter()) > 0) {
            warnings.add("slow: " + FailureReason.readable(latency) + " (degraded after " + FailureReason.readable(probe.degradedAfter()) + ")");
        }
        String summary = "HTTP " + status + " in " + FailureReason.readable(latency);
        return warnings.isEmpty() ? run.up(summary) : run.degraded(summary + "; " + String.join("; ", warnings));
    }

    private static Certificate leaf(SSLSession session) throws SSLPeerUnverifiedException {
        Certificate[] chain = session.getPeerCertificates();
        return chain.length == 0 ? null : chain[0];
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String describe(List<StatusRange> ranges) {
        return String.join(", ", ranges.stream().map(StatusRange::toString).toList());
    }
}
