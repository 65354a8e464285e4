package io.noroshi.mirror;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * s3proxy (Maven Central {@code org.gaul:s3proxy}, copied to target/s3proxy by the build) in a JVM
 * of its own on a loopback port, with its in-memory blob store: a real S3 server speaking the
 * protocol. Its own JVM because its Jetty differs from the hub's. It stores the Content-Type with
 * the space after ';' removed ({@link #sameType} compares the two forms).
 */
public final class S3ProxyProcess implements AutoCloseable {

    public static final String KEY = "mirror-key";
    public static final String SECRET = "mirror-secret-for-tests";

    private final Process process;
    public final int port;

    private S3ProxyProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static S3ProxyProcess start(Path dir) throws IOException, InterruptedException {
        Path jar = Path.of("target/s3proxy/s3proxy.jar");
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " is missing: run the build (mvn generate-test-resources)");
        int port;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path properties = dir.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n", List.of(
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                // Without signature checks: s3proxy's Jetty rewrites a Content-Type of "text/html; charset=utf-8" to
                // "text/html;charset=utf-8" before checking the signature over it, so every signed put of a page fails
                // (s3proxy issue 392); Amazon S3 and other servers keep the header as sent.
                "s3proxy.authorization=none",
                "s3proxy.identity=" + KEY,
                "s3proxy.credential=" + SECRET,
                "jclouds.provider=transient",
                "jclouds.identity=" + KEY,
                "jclouds.credential=" + SECRET)) + "\n");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", jar.toString(), "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        // Bounded wait for the port: 600 tries 100 ms apart.
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) throw new IllegalStateException("s3proxy exited: " + Files.readString(dir.resolve("s3proxy.log")));
            try (var s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new S3ProxyProcess(process, port);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("s3proxy did not listen on port " + port);
    }

    /** Whether two Content-Type values name the same type and charset, whatever their spacing and case. */
    public static boolean sameType(String a, String b) {
        return a.replace(" ", "").equalsIgnoreCase(b.replace(" ", ""));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public S3Client client() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.builder().build()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                .forcePathStyle(true).endpointOverride(endpoint())
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED).build();
    }

    public void createBucket(String bucket) {
        try (S3Client s3 = client()) {
            // Readable by anyone, as a bucket serving a status page is.
            s3.createBucket(b -> b.bucket(bucket).acl(software.amazon.awssdk.services.s3.model.BucketCannedACL.PUBLIC_READ));
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
