package io.noroshi.mirror;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SFTP server (Apache MINA SSHD) on a loopback port, rooted in a directory, that lets in one
 * client key only; with the client's private key file and a known-hosts file naming its host key.
 */
public final class SftpServerFixture implements AutoCloseable {

    public final Path root;
    public final Path keyFile;
    public final Path knownHosts;
    private final SshServer server;

    private SftpServerFixture(SshServer server, Path root, Path keyFile, Path knownHosts) {
        this.server = server;
        this.root = root;
        this.keyFile = keyFile;
        this.knownHosts = knownHosts;
    }

    public static SftpServerFixture start(Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("sftp-root"));
        KeyPair host = ec();
        KeyPair client = ec();
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(host));
        server.setPublickeyAuthenticator((user, key, session) -> user.equals("status") && KeyUtils.compareKeys(key, client.getPublic()));
        server.setPasswordAuthenticator(null);
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        Path keyFile = dir.resolve("id_ecdsa");
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(client, "noroshi-test", null, out);
        }
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(host.getPublic()) + "\n");
        return new SftpServerFixture(server, root, keyFile, knownHosts);
    }

    private static KeyPair ec() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    public int port() {
        return server.getPort();
    }

    public void stop() throws IOException {
        server.stop(true);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
