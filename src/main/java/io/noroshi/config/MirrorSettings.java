package io.noroshi.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code mirrors:} section: where the public site and the encrypted contacts bundle are
 * published besides the hub, each target in the site (failure domain) it lives in.
 *
 * <pre>
 * mirrors:
 *   falling_behind_after: 5m      # a team alert when a mirror has not caught up for this long
 *   bundle:
 *     recipients: [age1...]       # operator public keys (X25519, age format); no recipients, no bundle
 *     contacts:                   # the on-call roster's contacts, exported with the subscribers
 *       - {name: Aiko, role: on-call, email: aiko@example.com, phone: "+81 3 0000 0000"}
 *   targets:
 *     - {id: b-dir, site: site-b, directory: /srv/status, depends_on: [dns-b]}
 *     - {id: c-s3, site: site-c, s3: {endpoint: "https://s3.example.net", bucket: status, region: auto,
 *                                        prefix: "", access_key_env: S3_KEY, secret_key_env: S3_SECRET}}
 *     - {id: pages, site: forge, git: {url: "https://git.example.org/acme/status.git", branch: pages}}
 *     - {id: d-sftp, site: site-d, sftp: {host: mirror.example.org, port: 22, user: status, key_file: id_ed25519,
 *                                          known_hosts: known_hosts, directory: /srv/status}}
 * </pre>
 *
 * Secrets never appear in the file: S3 keys and git passwords are read from the environment
 * variables the section names.
 */
public record MirrorSettings(List<Target> targets, Duration fallingBehindAfter, Bundle bundle) {

    public static final Duration DEFAULT_FALLING_BEHIND = Duration.ofMinutes(5);

    public MirrorSettings {
        targets = List.copyOf(targets);
        Objects.requireNonNull(fallingBehindAfter, "fallingBehindAfter");
        Objects.requireNonNull(bundle, "bundle");
    }

    /** No {@code mirrors:} section: the hub publishes nowhere else. */
    public static MirrorSettings none() {
        return new MirrorSettings(List.of(), DEFAULT_FALLING_BEHIND, new Bundle(List.of(), List.of()));
    }

    /**
     * One mirror: its id, the site it lives in, where it writes, and the services readers reach it
     * through (its DNS, a CDN), which the audit follows like any service's {@code depends_on}.
     */
    public record Target(String id, String site, Kind kind, List<String> dependsOn) {
        public Target {
            dependsOn = List.copyOf(dependsOn);
        }
    }

    /** Where a mirror writes; one record per kind of target. */
    public sealed interface Kind permits Directory, S3, Git, Sftp {
    }

    /** A local directory (for rsync or a second web server), written with temp file and rename. */
    public record Directory(Path path) implements Kind {
    }

    /**
     * An S3-compatible bucket.
     *
     * @param accessKeyEnv the environment variable holding the access key id (likewise the secret)
     */
    public record S3(URI endpoint, String bucket, String region, String prefix, String accessKeyEnv, String secretKeyEnv,
                     boolean pathStyle) implements Kind {
    }

    /** A git remote pushed to (static hosting from a branch). */
    public record Git(String url, String branch, Optional<String> usernameEnv, Optional<String> passwordEnv) implements Kind {
    }

    /** A directory on an SFTP server, with a private key and the server's known host key. */
    public record Sftp(String host, int port, String user, Path keyFile, Path knownHosts, String directory) implements Kind {
    }

    /**
     * The contacts bundle: encrypted to {@code recipients} (age X25519 public keys, {@code age1...}).
     *
     * @param contacts the on-call roster's contacts written in the config
     */
    public record Bundle(List<String> recipients, List<Contact> contacts) {
        public Bundle {
            recipients = List.copyOf(recipients);
            contacts = List.copyOf(contacts);
        }
    }

    /** One on-call contact. Empty strings for what is not given. */
    public record Contact(String name, String role, String email, String phone) {
    }
}
