import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reference sender of bench/fanout: a plain loop per connection, COUNT messages of SIZE bytes over CONNECTIONS
 * SMTP sessions (pipelining MAIL, RCPT and DATA, as the hub does), no database, no queue. Prints the seconds.
 *
 * <pre>java bench/FanoutReference.java HOST PORT CONNECTIONS COUNT SIZE</pre>
 */
public final class FanoutReference {

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        int size = Integer.parseInt(args[4]);
        if (!InetAddress.getByName(host).isLoopbackAddress()) throw new IllegalArgumentException("loopback only");
        var body = new StringBuilder();
        while (body.length() < size) body.append("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.\r\n");
        byte[] message = ("Subject: reference\r\n\r\n" + body + ".\r\n").getBytes(StandardCharsets.US_ASCII);
        var next = new AtomicInteger();
        var threads = new ArrayList<Thread>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (Socket s = new Socket(host, port)) {
                    s.setTcpNoDelay(true);
                    InputStream in = new BufferedInputStream(s.getInputStream());
                    OutputStream out = new BufferedOutputStream(s.getOutputStream(), 65536);
                    reply(in);
                    out.write("EHLO reference\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    reply(in);
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        out.write(("MAIL FROM:<ref@example.com>\r\nRCPT TO:<user" + i + "@example.com>\r\nDATA\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        reply(in);
                        reply(in);
                        reply(in);
                        out.write(message);
                        out.flush();
                        reply(in);
                    }
                    out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        for (Thread t : threads) t.join();
        System.out.printf("reference_seconds=%.2f%n", (System.nanoTime() - start) / 1e9);
    }

    private static void reply(InputStream in) throws IOException {
        while (true) {
            var line = new StringBuilder();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) throw new IOException("closed");
                line.append((char) b);
            }
            if (line.length() < 4 || line.charAt(3) == ' ') {
                if (line.charAt(0) != '2' && line.charAt(0) != '3') throw new IOException("refused: " + line);
                return;
            }
        }
    }
}
