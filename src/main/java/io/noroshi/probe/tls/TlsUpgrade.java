package io.noroshi.probe.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/**
 * Layers TLS over an already connected socket (implicit TLS right after connect, or after a
 * mail server's STARTTLS/STLS go-ahead) and runs the handshake, sending {@code serverName} as
 * SNI and, when asked, checking the certificate is issued for that name.
 */
public final class TlsUpgrade {

    private TlsUpgrade() {
    }

    /**
     * Runs the handshake within the socket's current read timeout.
     *
     * @param serverName      the name sent as SNI and matched against the certificate; an IP
     *                        literal is matched against the certificate's IP entries and sends no SNI
     * @param verifyHostName  whether a certificate for another name fails the handshake
     * @return the TLS socket, handshake done; closing it closes {@code plain}
     */
    public static SSLSocket handshake(Socket plain, String serverName, SSLContext context, boolean verifyHostName)
            throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, serverName, plain.getPort(), true);
        SSLParameters parameters = tls.getSSLParameters();
        if (verifyHostName) {
            // "HTTPS" is RFC 2818/6125 matching of DNS and IP subject alternative names; the right
            // rules for mail and bare TLS services too.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        tls.setSSLParameters(parameters);
        tls.setUseClientMode(true);
        tls.startHandshake();
        return tls;
    }

    /** The certificate the server presented for itself (the leaf), after a handshake. */
    public static X509Certificate leafCertificate(SSLSocket tls) throws SSLPeerUnverifiedException {
        Certificate[] chain = tls.getSession().getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            throw new SSLPeerUnverifiedException("server presented no X.509 certificate");
        }
        return leaf;
    }
}
