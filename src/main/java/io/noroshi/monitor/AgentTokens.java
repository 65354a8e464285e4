package io.noroshi.monitor;

import io.noroshi.config.VantagePoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Which agent a bearer token belongs to. The hub knows only SHA-256 hashes of the tokens
 * ({@code vantage_points[].token_sha256}) and compares them in constant time.
 */
public final class AgentTokens {

    private record Known(String vantage, byte[] hash) {
    }

    private final List<Known> known;

    public AgentTokens(List<VantagePoint> vantagePoints) {
        this.known = vantagePoints.stream()
                .filter(v -> v.kind() == VantagePoint.Kind.AGENT && v.tokenSha256().isPresent())
                .map(v -> new Known(v.id(), HexFormat.of().parseHex(v.tokenSha256().get())))
                .toList();
    }

    /** The vantage point id {@code token} authenticates, if any. */
    public Optional<String> vantageOf(String token) {
        if (token == null || token.isEmpty()) return Optional.empty();
        byte[] hash = sha256(token);
        String match = null;
        for (Known k : known) {
            // Every hash is compared, matching or not, so timing says nothing about which one matched.
            if (MessageDigest.isEqual(k.hash, hash) && match == null) match = k.vantage;
        }
        return Optional.ofNullable(match);
    }

    /** Lower-case hex SHA-256 of {@code token}: what goes into {@code token_sha256}. */
    public static String hashOf(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /** SHA-256 of {@code text} as UTF-8. */
    static byte[] sha256Of(String text) {
        return sha256(text);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
