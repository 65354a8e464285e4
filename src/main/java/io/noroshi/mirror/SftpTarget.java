package io.noroshi.mirror;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Optional;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * A directory on an SFTP server, reached with a private key; the server's host key must be in the
 * known-hosts file (no trust on first use). Files are written under a temporary name and renamed
 * over the old one (POSIX rename where the server offers it).
 */
public final class SftpTarget implements MirrorTarget {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String host;
    private final int port;
    private final String user;
    private final Path keyFile;
    private final Path knownHosts;
    private final String directory;
    private SshClient client;

    public SftpTarget(String host, int port, String user, Path keyFile, Path knownHosts, String directory) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.keyFile = keyFile;
        this.knownHosts = knownHosts;
        this.directory = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
    }

    private interface Work<T> {
        T run(SftpClient sftp) throws IOException;
    }

    /** One session per call: a publish is seconds apart from the next, and a dropped connection then needs no repair. */
    private <T> T withSftp(Work<T> work) throws IOException {
        if (client == null) {
            client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts));
            client.start();
        }
        try (ClientSession session = client.connect(user, host, port).verify(TIMEOUT).getSession()) {
            for (KeyPair key : keys()) session.addPublicKeyIdentity(key);
            session.auth().verify(TIMEOUT);
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                return work.run(sftp);
            }
        }
    }

    private Iterable<KeyPair> keys() throws IOException {
        try (var in = java.nio.file.Files.newInputStream(keyFile)) {
            return SecurityUtils.loadKeyPairIdentities(null, () -> keyFile.toString(), in, FilePasswordProvider.EMPTY);
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("sftp key " + keyFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> read(String file) throws IOException {
        return withSftp(sftp -> {
            try (var in = sftp.read(directory + "/" + file)) {
                return Optional.of(in.readAllBytes());
            } catch (SftpException e) {
                if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) return Optional.empty();
                throw e;
            }
        });
    }

    @Override
    public void apply(Upload upload) throws IOException {
        withSftp(sftp -> {
            mkdirs(sftp, directory);
            for (SiteFile file : upload.changed()) write(sftp, file);
            for (String file : upload.removed()) {
                try {
                    sftp.remove(directory + "/" + file);
                } catch (SftpException e) {
                    if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) throw e;
                }
            }
            write(sftp, upload.manifest());
            return null;
        });
    }

    private void write(SftpClient sftp, SiteFile file) throws IOException {
        String target = directory + "/" + file.file();
        int slash = target.lastIndexOf('/');
        if (slash > 0) mkdirs(sftp, target.substring(0, slash));
        String temp = target.substring(0, slash + 1) + "." + target.substring(slash + 1) + ".noroshi-tmp";
        try (OutputStream out = sftp.write(temp)) {
            out.write(file.body());
        }
        sftp.rename(temp, target, SftpClient.CopyMode.Overwrite, SftpClient.CopyMode.Atomic);
    }

    private static void mkdirs(SftpClient sftp, String dir) throws IOException {
        try {
            if (sftp.stat(dir).isDirectory()) return;
        } catch (SftpException e) {
            if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) throw e;
        }
        int slash = dir.lastIndexOf('/');
        if (slash > 0) mkdirs(sftp, dir.substring(0, slash));
        try {
            sftp.mkdir(dir);
        } catch (SftpException e) {
            if (e.getStatus() != SftpConstants.SSH_FX_FILE_ALREADY_EXISTS && e.getStatus() != SftpConstants.SSH_FX_FAILURE) throw e;
        }
    }

    @Override
    public void close() {
        if (client != null) client.stop();
    }

    @Override
    public String toString() {
        return "sftp " + user + "@" + host + ":" + port + directory;
    }
}
