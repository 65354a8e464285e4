package io.noroshi.probe;

import io.noroshi.probe.tls.TrustStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed server certificate made by the running JDK's keytool in a test's temp directory,
 * with the dates and names each test needs (expired, expiring, for another host).
 *
 * @param keyStore    PKCS12 file holding the key and certificate
 * @param certificate the certificate itself
 */
public record TestCertificate(Path keyStore, X509Certificate certificate) {

    public static final String PASSWORD = "changeit";
    private static final String ALIAS = "server";

    /**
     * @param san          keytool's subject alternative names, e.g. {@code ip:127.0.0.1,dns:localhost}
     * @param startDate    keytool's {@code -startdate}, e.g. {@code -30d}; null for now
     * @param validityDays how long it is valid from its start
     */
    public static TestCertificate issue(Path dir, String name, String san, String startDate, int validityDays)
            throws IOException, InterruptedException, GeneralSecurityException {
        Path file = dir.resolve(name + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name, "-ext", "san=" + san,
                "-validity", Integer.toString(validityDays), "-keystore", file.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (startDate != null) {
            command.addAll(List.of("-startdate", startDate));
        }
        Process keytoolRun = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytoolRun.getInputStream().readAllBytes());
        if (!keytoolRun.waitFor(60, TimeUnit.SECONDS) || keytoolRun.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore store = load(file);
        return new TestCertificate(file, (X509Certificate) store.getCertificate(ALIAS));
    }

    /** What a server presenting this certificate needs. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore), PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** A trust store file that trusts exactly this certificate, as an operator's private CA file would. */
    public TrustStore trustStore() throws IOException, GeneralSecurityException {
        Path file = keyStore.resolveSibling(keyStore.getFileName() + ".trust.p12");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("trusted", certificate);
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, PASSWORD.toCharArray());
        }
        return TrustStore.file(file, PASSWORD);
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }
}
