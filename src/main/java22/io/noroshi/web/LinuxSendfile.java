package io.noroshi.web;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link Sendfile} through Java's foreign function API (JDK 22+): the C library's {@code memfd_create},
 * {@code write}, {@code fcntl}, {@code sendfile} and {@code close}. Compiled for Java 22 apart from the
 * rest of the hub, which runs on JDK 21 too and then copies; see {@link Sendfile#load()}.
 */
final class LinuxSendfile implements Sendfile {

    private static final int MFD_CLOEXEC = 0x1, MFD_ALLOW_SEALING = 0x2;
    private static final int F_ADD_SEALS = 1033;
    /** No more seals, no shrinking, no growing, no writing: the bytes are fixed for the descriptor's life. */
    private static final int SEALS = 0x1 | 0x2 | 0x4 | 0x8;
    private static final int EINTR = 4, EAGAIN = 11, EPIPE = 32, ECONNRESET = 104;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final long ERRNO = CALL_STATE.byteOffset(PathElement.groupElement("errno"));
    private static final Linker.Option KEEP_ERRNO = Linker.Option.captureCallState("errno");

    private static final MethodHandle MEMFD_CREATE = downcall("memfd_create", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle WRITE = downcall("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle FCNTL = downcall("fcntl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle SENDFILE = downcall("sendfile", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(symbol("close"), FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    /** Per thread (the selectors): sendfile's offset argument and the call state errno is kept in. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(() -> {
        Arena arena = Arena.ofAuto();
        return new Scratch(arena.allocate(CALL_STATE), arena.allocate(JAVA_LONG));
    });

    private record Scratch(MemorySegment state, MemorySegment offset) { }

    private final MethodHandle descriptor;

    LinuxSendfile() throws ReflectiveOperationException {
        if (!Object.class.getModule().isExported("sun.nio.ch", LinuxSendfile.class.getModule())) {
            throw new IllegalStateException("the JVM does not export java.base/sun.nio.ch to the hub, where a socket's "
                    + "descriptor is (--add-exports java.base/sun.nio.ch=ALL-UNNAMED; the jar's manifest says so for java -jar)");
        }
        Class<?> channel = Class.forName("sun.nio.ch.SelChImpl");
        descriptor = MethodHandles.lookup().findVirtual(channel, "getFDVal", MethodType.methodType(int.class))
                .asType(MethodType.methodType(int.class, SelectableChannel.class));
    }

    @Override
    public MemoryFile create(String name, byte[] head, ByteBuffer body) throws IOException {
        long length = head.length + (long) body.remaining();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int fd = (int) MEMFD_CREATE.invokeExact(state, arena.allocateFrom(name), MFD_CLOEXEC | MFD_ALLOW_SEALING);
            if (fd < 0) throw failure("memfd_create", state);
            var file = new Memory(fd, length);
            try {
                MemorySegment bytes = arena.allocate(Math.max(1, length));
                MemorySegment.copy(head, 0, bytes, JAVA_BYTE, 0, head.length);
                MemorySegment.copy(MemorySegment.ofBuffer(body), 0, bytes, head.length, body.remaining());
                long written = 0;
                while (written < length) {
                    long n = (long) WRITE.invokeExact(state, fd, bytes.asSlice(written), length - written);
                    if (n < 0 && errno(state) != EINTR) throw failure("write", state);
                    if (n > 0) written += n;
                }
                if ((int) FCNTL.invokeExact(state, fd, F_ADD_SEALS, SEALS) < 0) throw failure("fcntl(F_ADD_SEALS)", state);
                return file;
            } catch (Throwable failure) {
                file.close();
                throw failure;
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public int descriptor(SelectableChannel channel) {
        try {
            return (int) descriptor.invokeExact(channel);
        } catch (ClassCastException notAJdkChannel) {
            return -1;
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public long send(int socket, MemoryFile file, long offset, long count) throws IOException {
        Scratch scratch = SCRATCH.get();
        int in = ((Memory) file).fd;
        scratch.offset.set(JAVA_LONG, 0, offset);
        try {
            while (true) {
                long n = (long) SENDFILE.invokeExact(scratch.state, socket, in, scratch.offset, count);
                if (n >= 0) return n;
                int errno = errno(scratch.state);
                if (errno == EAGAIN) return 0;
                if (errno != EINTR) throw failure("sendfile", scratch.state);
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static final class Memory implements MemoryFile {

        private final int fd;
        private final long length;
        private final AtomicBoolean closed = new AtomicBoolean();

        Memory(int fd, long length) {
            this.fd = fd;
            this.length = length;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) return;
            try {
                int ignored = (int) CLOSE.invokeExact(fd);
            } catch (Throwable impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private static int errno(MemorySegment state) {
        return state.get(JAVA_INT, ERRNO);
    }

    private static IOException failure(String call, MemorySegment state) {
        int errno = errno(state);
        String name = switch (errno) {
            case EPIPE -> "EPIPE, the reader left";
            case ECONNRESET -> "ECONNRESET, the reader reset the connection";
            default -> "errno " + errno;
        };
        return new IOException(call + " failed: " + name);
    }

    private static MethodHandle downcall(String name, FunctionDescriptor function, Linker.Option... options) {
        Linker.Option[] all = new Linker.Option[options.length + 1];
        all[0] = KEEP_ERRNO;
        System.arraycopy(options, 0, all, 1, options.length);
        return LINKER.downcallHandle(symbol(name), function, all);
    }

    private static MemorySegment symbol(String name) {
        return LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("the C library has no " + name));
    }
}
