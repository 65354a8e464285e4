package io.noroshi.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command-line part of the startup-cache training (after the hub's, see
 * {@link io.noroshi.hub.StartupTraining}): {@code check-config} and {@code audit --config} of the
 * bundled demo config, and a live {@code audit} of one domain against a responder on loopback that
 * refuses every query. The classes and methods these load and run are then in the cache, so a
 * command-line call starts about as fast as the hub.
 */
final class CommandTraining {

    private static final String DEMO = "/demo/noroshi.yaml";

    private CommandTraining() {
    }

    /** @return the exit code of each command, in order: check-config, audit --config (text, json), live audit */
    static java.util.List<Integer> run() throws IOException {
        Path dir = Files.createTempDirectory("noroshi-command-training-");
        Path config = dir.resolve("noroshi.yaml");
        try (InputStream in = CommandTraining.class.getResourceAsStream(DEMO)) {
            if (in == null) throw new IOException("the bundled demo config is missing from the jar");
            Files.copy(in, config);
        }
        var codes = new java.util.ArrayList<Integer>();
        try (var refuser = new Refuser()) {
            var refuserThread = Thread.ofPlatform().daemon().name("training-dns").start(refuser);
            String[][] commands = {
                    {"check-config", config.toString()},
                    {"audit", "--config", config.toString()},
                    {"audit", "--config", config.toString(), "--format", "json"},
                    {"audit", "example.test", "--resolver", "127.0.0.1:" + refuser.port(), "--timeout-ms", "200"},
            };
            for (String[] args : commands) {
                var quiet = new PrintWriter(Writer.nullWriter());
                codes.add(Main.commandLine(args).setOut(quiet).setErr(quiet).execute(args));
            }
            refuserThread.interrupt();
        } finally {
            Files.deleteIfExists(config);
            Files.deleteIfExists(dir);
        }
        return codes;
    }

    /** A DNS server on loopback that answers every query REFUSED: enough for the audit's code to run end to end. */
    private static final class Refuser implements Runnable, AutoCloseable {
        private final DatagramSocket socket;

        Refuser() throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void run() {
            byte[] buffer = new byte[512];
            while (!socket.isClosed()) {
                try {
                    var packet = new DatagramPacket(buffer, buffer.length);
                    socket.receive(packet);
                    if (packet.getLength() < 12) continue;
                    buffer[2] = (byte) (buffer[2] | 0x80); // QR: a response to the same id and question
                    buffer[3] = (byte) ((buffer[3] & 0xF0) | 5); // RCODE 5: REFUSED
                    socket.send(new DatagramPacket(buffer, packet.getLength(), packet.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
