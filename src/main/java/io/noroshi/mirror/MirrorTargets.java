package io.noroshi.mirror;

import io.noroshi.config.MirrorSettings;
import io.noroshi.statuspage.ResourceEncoding;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/** Opens the {@link MirrorTarget} a config names: the one place that knows every kind. */
public final class MirrorTargets {

    private MirrorTargets() {
    }

    /**
     * @param stateDir where targets keep local state (the git target's clone), one directory per mirror
     * @param env      the environment secrets are read from
     * @throws MirrorException naming the mirror and the missing variable when a secret is not set
     */
    public static MirrorTarget open(MirrorSettings.Target target, Path stateDir, Map<String, String> env) {
        return switch (target.kind()) {
            case MirrorSettings.Directory d -> new DirectoryTarget(d.path());
            case MirrorSettings.S3 s -> new S3Target(s.endpoint(), s.bucket(), s.region(), s.prefix(),
                    secret(target, env, s.accessKeyEnv()), secret(target, env, s.secretKeyEnv()), s.pathStyle(), ResourceEncoding.CACHE_CONTROL);
            case MirrorSettings.Git g -> new GitTarget(g.url(), g.branch(), stateDir.resolve("mirrors").resolve(target.id()).toAbsolutePath(),
                    g.usernameEnv().isPresent() ? new UsernamePasswordCredentialsProvider(secret(target, env, g.usernameEnv().get()),
                            g.passwordEnv().map(p -> secret(target, env, p)).orElse("")) : null);
            case MirrorSettings.Sftp f -> new SftpTarget(f.host(), f.port(), f.user(), f.keyFile(), f.knownHosts(), f.directory());
        };
    }

    /** The kind's name as the config writes it. */
    public static String kind(MirrorSettings.Target target) {
        return target.kind().getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String secret(MirrorSettings.Target target, Map<String, String> env, String variable) {
        String value = env.get(variable);
        if (value == null || value.isEmpty()) {
            throw new MirrorException("mirror " + target.id() + ": the environment variable " + variable + " is not set");
        }
        return value;
    }
}
