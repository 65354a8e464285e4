package io.noroshi.probe.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which certificate authorities a TLS probe trusts: the JDK's own (the default) or a PKCS12/JKS
 * file, for operators whose services carry certificates from a private CA.
 *
 * @param path     the trust store file ({@code trust_store}); {@code null} means the JDK's CAs
 * @param password its password ({@code trust_store_password}); may be {@code null}; never printed
 */
public record TrustStore(Path path, String password) {

    /** The JDK's default certificate authorities. */
    public static TrustStore jdkDefault() {
        return new TrustStore(null, null);
    }

    public static TrustStore file(Path path, String password) {
        return new TrustStore(path, password);
    }

    /**
     * A TLS context that verifies the server's chain against this store, or that accepts any
     * chain when {@code verify} is false (for mail probes that only ask "does TLS come up?").
     */
    public SSLContext sslContext(boolean verify) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, verify ? trustManagers() : new TrustManager[] {new AcceptAnyChain()}, new SecureRandom());
        return context;
    }

    private TrustManager[] trustManagers() throws IOException, GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(path == null ? null : load());
        return factory.getTrustManagers();
    }

    private KeyStore load() throws IOException, GeneralSecurityException {
        char[] secret = password == null ? null : password.toCharArray();
        try (InputStream in = Files.newInputStream(path)) {
            // getInstance("PKCS12") also reads JKS files since JDK 9's keystore.type.compat.
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            return store;
        }
    }

    @Override
    public String toString() {
        return path == null ? "TrustStore[jdk default]" : "TrustStore[" + path + "]";
    }

    /** Used only when the operator turned verification off; the handshake still has to succeed. */
    private static final class AcceptAnyChain implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
