package io.noroshi.web;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import org.slf4j.LoggerFactory;

/**
 * Linux's {@code sendfile(2)} from sealed memory files ({@code memfd_create(2)}): the kernel sends
 * the file's pages to the socket by reference instead of copying every byte out of the process as
 * a {@code write} does. For the home page without gzip (62 KB in the demo) that copy was a quarter
 * of the hub's CPU per request. It needs Java's foreign function API (JDK 22+) and the socket's
 * descriptor from {@code sun.nio.ch} (exported by the jar's manifest and the tests' JVM options);
 * where either is missing {@link #load()} says why and the hub copies, as before.
 * <p>
 * The implementation ({@code LinuxSendfile}) is compiled for Java 22 from {@code src/main/java22}
 * when the build runs on JDK 22+; this interface is all the rest of the code sees.
 */
interface Sendfile {

    /** A sealed memory file: its bytes can no longer change, not even while the kernel sends them. */
    interface MemoryFile {
        long length();

        /** Closes the descriptor; pages still referenced by unsent socket buffers stay until sent. */
        void close();
    }

    /** A sealed memory file holding {@code head} followed by {@code body}'s remaining bytes. */
    MemoryFile create(String name, byte[] head, ByteBuffer body) throws IOException;

    /** The descriptor of a socket channel, or -1 when it has none to give. */
    int descriptor(SelectableChannel channel);

    /**
     * Sends {@code count} bytes of {@code file} from {@code offset} to the non-blocking socket
     * {@code socket}: the number sent, 0 when its buffer is full (the rest waits for the selector).
     *
     * @throws IOException the socket failed (the reader reset or left)
     */
    long send(int socket, MemoryFile file, long offset, long count) throws IOException;

    /** This JVM's sendfile, or null (logged once, with the reason) where the hub must copy. */
    static Sendfile load() {
        String why;
        if (Boolean.getBoolean("noroshi.copyPages")) {
            why = "-Dnoroshi.copyPages=true";
        } else if (Runtime.version().feature() < 22) {
            why = "JDK " + Runtime.version().feature() + " has no final foreign function API (22+)";
        } else if (!System.getProperty("os.name", "").equals("Linux")) {
            why = "not Linux";
        } else {
            try {
                return (Sendfile) Class.forName("io.noroshi.web.LinuxSendfile").getDeclaredConstructor().newInstance();
            } catch (ClassNotFoundException e) {
                why = "built without the Java 22 classes (the build ran on JDK 21)";
            } catch (ExceptionInInitializerError e) {
                why = String.valueOf(e.getCause());
            } catch (InvocationTargetException e) {
                why = e.getCause().getMessage();
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                why = e.toString();
            }
        }
        LoggerFactory.getLogger(Sendfile.class).info("read path: large pages are copied to each reader, not sent with sendfile: " + why);
        return null;
    }
}
