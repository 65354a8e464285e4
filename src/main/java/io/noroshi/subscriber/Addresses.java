package io.noroshi.subscriber;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What counts as an e-mail address and as a webhook URL a subscriber may give. */
public final class Addresses {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private Addresses() {
    }

    /** The address lower-cased, or empty when it is not one a mail can go to. */
    public static Optional<String> email(String written) {
        if (written == null) return Optional.empty();
        String address = written.strip();
        if (address.length() > 254 || !EMAIL.matcher(address).matches() || address.contains("..")) return Optional.empty();
        return Optional.of(address.toLowerCase(Locale.ROOT));
    }

    /**
     * The URL when it is http(s) with a host and does not point at this hub ({@code self}: the hub's public URL;
     * {@code hubPort}: the port it listens on, refused on this machine's own addresses).
     */
    public static Optional<URI> webhook(String written, URI self, int hubPort) {
        if (written == null || written.isBlank() || written.length() > 2000) return Optional.empty();
        URI uri;
        try {
            uri = new URI(written.strip()).normalize();
        } catch (Exception e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getUserInfo() != null) return Optional.empty();
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        int selfPort = self.getPort() != -1 ? self.getPort() : "https".equals(self.getScheme()) ? 443 : 80;
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.equals(self.getHost().toLowerCase(Locale.ROOT)) && port == selfPort) return Optional.empty();
        if (port == hubPort && local(host)) return Optional.empty();
        return Optional.of(uri);
    }

    private static boolean local(String host) {
        if (host.equals("localhost")) return true;
        try {
            for (InetAddress a : InetAddress.getAllByName(host.replace("[", "").replace("]", ""))) {
                if (a.isLoopbackAddress() || a.isAnyLocalAddress()) return true;
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }
}
