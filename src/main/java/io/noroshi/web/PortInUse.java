package io.noroshi.web;

/** The hub's address cannot be listened on: another process holds the port, or the address is not this machine's. */
public final class PortInUse extends RuntimeException {

    public PortInUse(String message) {
        super(message);
    }
}
