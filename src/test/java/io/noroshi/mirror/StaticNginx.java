package io.noroshi.mirror;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's nginx on a loopback port serving a mirror directory as docs/mirrors.md tells an
 * operator to: index document, {@code try_files} for extension-less paths, UTF-8 charset on the
 * site's text types.
 */
public final class StaticNginx implements AutoCloseable {

    private final Process process;
    public final int port;

    private StaticNginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static StaticNginx start(Path root, Path dir) throws IOException, InterruptedException {
        int port;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path conf = dir.resolve("nginx.conf");
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        Files.writeString(conf, user + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body; proxy_temp_path %1$s/proxy; fastcgi_temp_path %1$s/fcgi;
                  uwsgi_temp_path %1$s/uwsgi; scgi_temp_path %1$s/scgi;
                %3$s
                }
                """.formatted(dir, port, MirrorServing.nginxServer("127.0.0.1:" + port, root.toString())));
        Process process = new ProcessBuilder("/usr/sbin/nginx", "-c", conf.toString(), "-p", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        for (int i = 0; i < 300; i++) {
            if (!process.isAlive()) throw new IllegalStateException("nginx exited: " + Files.readString(dir.resolve("nginx.out")));
            try (var s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new StaticNginx(process, port);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("nginx did not listen on port " + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
