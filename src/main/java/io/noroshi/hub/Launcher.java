package io.noroshi.hub;

import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.PageSettings;
import java.net.URI;

/**
 * What the hub tells a person to type or open: the launcher as they ran it ({@code ./noroshi}, set
 * by the launcher in {@code NOROSHI_LAUNCHER}) and the hub's own address.
 */
public final class Launcher {

    /** Set by the {@code noroshi} launcher script to the path it was run by. */
    static final String ENV = "NOROSHI_LAUNCHER";

    private Launcher() {
    }

    /** The command that runs Noroshi here: the launcher's path as it was run, else {@code noroshi}. */
    public static String command() {
        String launcher = System.getenv(ENV);
        return launcher == null || launcher.isBlank() ? "noroshi" : launcher;
    }

    /** {@code http://host:port/} for a browser on this machine: a wildcard bind is reached on loopback. */
    public static URI url(String bind, int port) {
        String host = switch (bind) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]", "::0" -> "[::1]";
            default -> bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        };
        return URI.create("http://" + host + ":" + port + "/");
    }

    /** The bundled demo config with its page URL at the address the hub listens on (feeds, API and shortlinks carry it). */
    static NoroshiConfig demoAt(NoroshiConfig demo, String bind, int port) {
        if (port == 0) return demo; // chosen by the OS when the server starts, after the first render
        PageSettings p = demo.page();
        var page = new PageSettings(p.id(), p.name(), url(bind, port), p.timeZone(), p.languages(), p.defaultLanguage(), p.description());
        return new NoroshiConfig(page, demo.sites(), demo.services(), demo.componentGroups(), demo.components(),
                demo.vantagePoints(), demo.monitors(), demo.monitoring(), demo.audit());
    }
}
