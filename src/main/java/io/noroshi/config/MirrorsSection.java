package io.noroshi.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code mirrors:} section into {@link MirrorSettings}; every problem names its key and line. */
final class MirrorsSection {

    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern AGE_RECIPIENT = Pattern.compile("age1[02-9ac-hj-np-z]{58}");

    private MirrorsSection() {
    }

    static MirrorSettings read(YamlSection top, ConfigReferences references) {
        return top.section("mirrors").map(s -> settings(s, references)).orElse(MirrorSettings.none());
    }

    private static MirrorSettings settings(YamlSection s, ConfigReferences references) {
        Duration behind = Durations.positive(s, "falling_behind_after").orElse(MirrorSettings.DEFAULT_FALLING_BEHIND);
        List<MirrorSettings.Target> targets = s.list("targets", t -> target(t, references));
        MirrorSettings.Bundle bundle = s.section("bundle").map(MirrorsSection::bundle).orElse(new MirrorSettings.Bundle(List.of(), List.of()));
        s.finish();
        return new MirrorSettings(targets, behind, bundle);
    }

    private static MirrorSettings.Target target(YamlSection s, ConfigReferences references) {
        String id = references.declare("mirror", s, s.requiredString("id"));
        if (!id.matches("[a-z0-9][a-z0-9_-]{0,62}")) s.problem("id", "'" + id + "' must be lower-case letters, digits, '-' or '_'");
        String site = s.requiredString("site");
        if (!site.isEmpty()) references.expect("site", site, s, "site");
        var kinds = List.of("directory", "s3", "git", "sftp").stream().filter(s::has).toList();
        MirrorSettings.Kind kind = null;
        if (kinds.size() != 1) {
            s.problem("", "a mirror needs exactly one of directory, s3, git, sftp" + (kinds.isEmpty() ? "" : "; found " + kinds));
        } else {
            kind = switch (kinds.getFirst()) {
                case "directory" -> new MirrorSettings.Directory(Path.of(s.requiredString("directory")));
                case "s3" -> s.section("s3").map(MirrorsSection::s3).orElse(null);
                case "git" -> s.section("git").map(MirrorsSection::git).orElse(null);
                default -> s.section("sftp").map(MirrorsSection::sftp).orElse(null);
            };
        }
        List<String> dependsOn = s.strings("depends_on");
        for (String service : dependsOn) references.expect("service", service, s, "depends_on");
        s.finish();
        return new MirrorSettings.Target(id, site, kind, dependsOn);
    }

    private static MirrorSettings.S3 s3(YamlSection s) {
        URI endpoint = s.string("endpoint").flatMap(e -> url(s, "endpoint", e)).orElse(null);
        String bucket = s.requiredString("bucket");
        String region = s.string("region").orElse("us-east-1");
        String prefix = s.string("prefix").orElse("");
        if (prefix.startsWith("/")) s.problem("prefix", "must not start with '/': it is the start of each object key");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) prefix = prefix + "/";
        String key = env(s, "access_key_env");
        String secret = env(s, "secret_key_env");
        boolean pathStyle = s.string("path_style").map(v -> v.equals("true")).orElse(true);
        s.finish();
        return new MirrorSettings.S3(endpoint, bucket, region, prefix, key, secret, pathStyle);
    }

    private static MirrorSettings.Git git(YamlSection s) {
        String url = s.requiredString("url");
        String branch = s.string("branch").orElse("main");
        Optional<String> user = s.has("username_env") ? Optional.of(env(s, "username_env")) : Optional.empty();
        Optional<String> password = s.has("password_env") ? Optional.of(env(s, "password_env")) : Optional.empty();
        s.finish();
        return new MirrorSettings.Git(url, branch, user, password);
    }

    private static MirrorSettings.Sftp sftp(YamlSection s) {
        String host = s.requiredString("host");
        int port = s.string("port").map(p -> port(s, p)).orElse(22);
        String user = s.requiredString("user");
        Path key = Path.of(s.requiredString("key_file"));
        Path knownHosts = Path.of(s.requiredString("known_hosts"));
        String directory = s.string("directory").orElse(".");
        s.finish();
        return new MirrorSettings.Sftp(host, port, user, key, knownHosts, directory);
    }

    private static MirrorSettings.Bundle bundle(YamlSection s) {
        List<String> recipients = s.strings("recipients");
        for (String r : recipients) {
            if (!AGE_RECIPIENT.matcher(r).matches()) {
                s.problem("recipients", "'" + r + "' is not an age X25519 public key (age1 and 58 more characters; see noroshi keys generate)");
            }
        }
        List<MirrorSettings.Contact> contacts = s.list("contacts", c -> {
            var contact = new MirrorSettings.Contact(c.requiredString("name"), c.string("role").orElse(""),
                    c.string("email").orElse(""), c.string("phone").orElse(""));
            c.finish();
            return contact;
        });
        s.finish();
        return new MirrorSettings.Bundle(recipients, contacts);
    }

    private static String env(YamlSection s, String key) {
        String name = s.requiredString(key);
        if (!name.isEmpty() && !ENV.matcher(name).matches()) {
            s.problem(key, "'" + name + "' is not an environment variable name: name the variable that holds the secret, not the secret");
        }
        return name;
    }

    private static Optional<URI> url(YamlSection s, String key, String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null) return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        s.problem(key, "'" + value + "' is not an http(s) URL with a host");
        return Optional.empty();
    }

    private static int port(YamlSection s, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) return port;
        } catch (NumberFormatException e) {
            // reported below
        }
        s.problem("port", "'" + value + "' is not a port (1-65535)");
        return 22;
    }
}
