package io.noroshi.mirror;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An S3-compatible bucket (AWS, R2, MinIO, Ceph, s3proxy...). Every object is put whole with the
 * Content-Type and Cache-Control the hub serves, so a bucket served as a website (index document
 * {@code index.html}) or behind a CDN answers as the hub does.
 */
public final class S3Target implements MirrorTarget {

    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String cacheControl;

    public S3Target(URI endpoint, String bucket, String region, String prefix, String accessKey, String secretKey, boolean pathStyle,
                    String cacheControl) {
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(pathStyle)
                // Checksums only where the API requires them: many S3-compatible servers refuse the SDK's default trailers.
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED);
        if (endpoint != null) builder.endpointOverride(endpoint);
        this.s3 = builder.build();
        this.bucket = bucket;
        this.prefix = prefix;
        this.cacheControl = cacheControl;
    }

    @Override
    public Optional<byte[]> read(String file) throws IOException {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + file)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new IOException("bucket " + bucket + ": " + brief(e), e);
        }
    }

    @Override
    public void apply(Upload upload) throws IOException {
        try {
            putAll(upload.changed());
            List<String> removed = upload.removed();
            for (int from = 0; from < removed.size(); from += DELETE_BATCH) {
                var ids = new ArrayList<ObjectIdentifier>();
                for (String file : removed.subList(from, Math.min(removed.size(), from + DELETE_BATCH))) {
                    ids.add(ObjectIdentifier.builder().key(prefix + file).build());
                }
                s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(ids).quiet(true).build()));
            }
            put(upload.manifest());
        } catch (SdkException e) {
            throw new IOException("bucket " + bucket + ": " + brief(e), e);
        }
    }

    /** Objects are independent: put them {@link #CONCURRENT_PUTS} at a time, as the round trips, not the bytes, dominate. */
    private void putAll(List<SiteFile> files) throws IOException {
        if (files.size() <= 1) {
            files.forEach(this::put);
            return;
        }
        var limit = new java.util.concurrent.Semaphore(CONCURRENT_PUTS);
        var futures = new ArrayList<java.util.concurrent.Future<?>>();
        try (var each = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (SiteFile file : files) {
                limit.acquireUninterruptibly();
                futures.add(each.submit(() -> {
                    try {
                        put(file);
                    } finally {
                        limit.release();
                    }
                }));
            }
        }
        for (var f : futures) {
            if (f.state() == java.util.concurrent.Future.State.FAILED) {
                Throwable cause = f.exceptionNow();
                if (cause instanceof SdkException e) throw e;
                throw new IOException("bucket " + bucket + ": " + cause.getMessage(), cause);
            }
        }
    }

    /**
     * Below {@code http.maxConnections} (5), the idle connections per host the JDK's HTTP client keeps:
     * with more puts at a time, each round closes the extra connections and the next opens new ones.
     */
    public static final int CONCURRENT_PUTS = 4;

    private void put(SiteFile file) {
        s3.putObject(b -> b.bucket(bucket).key(prefix + file.file()).contentType(file.contentType()).cacheControl(cacheControl)
                .contentLength((long) file.body().length), RequestBody.fromBytes(file.body()));
    }

    /** The service's error code and message, without the request ids and headers the SDK adds. */
    private static String brief(SdkException e) {
        if (e instanceof S3Exception s && s.awsErrorDetails() != null) {
            return s.statusCode() + " " + s.awsErrorDetails().errorCode() + " " + s.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return "s3 bucket " + bucket;
    }
}
