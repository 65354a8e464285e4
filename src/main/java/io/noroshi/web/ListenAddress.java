package io.noroshi.web;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * Checks that the hub can listen where it was asked to, before anything else happens: a hub that
 * cannot serve must not create, migrate or seed a database first.
 */
public final class ListenAddress {

    private ListenAddress() {
    }

    /**
     * Binds {@code bind:port} for a moment and lets go. Port 0 (any free port) is always free.
     *
     * @throws PortInUse with a one-line message naming what to change
     */
    public static void requireFree(String bind, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new PortInUse("--bind " + bind + " is not an address of this machine");
        }
        if (port == 0) return;
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as Jetty does: a port in TIME_WAIT is free to listen on
            socket.bind(new InetSocketAddress(address, port));
        } catch (BindException e) {
            throw failure(bind, port, e);
        } catch (IOException e) {
            throw new PortInUse("cannot listen on " + bind + ":" + port + ": " + e.getMessage());
        }
    }

    /** The one line for a failed bind (from the check, or from the server's start after a race). */
    static PortInUse failure(String bind, int port, BindException e) {
        String reason = e.getMessage() == null ? "" : e.getMessage();
        if (reason.contains("in use")) return new PortInUse("port " + port + " is in use; choose another with --port");
        if (reason.contains("ermission")) return new PortInUse("port " + port + " needs privileges; choose one above 1023 with --port");
        return new PortInUse("cannot listen on " + bind + ":" + port + " (" + reason + "); check --bind and --port");
    }

    /** The bind failure in a start failure's causes, if any. */
    static BindException bindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException bind) return bind;
        }
        return null;
    }
}
