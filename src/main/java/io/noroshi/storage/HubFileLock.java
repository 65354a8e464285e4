package io.noroshi.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One hub per SQLite file. A second hub on the same file would serve what it rendered from its
 * own reads, up to a minute behind the first, with nothing to tell them apart; so {@code serve}
 * holds an OS file lock on {@code noroshi.db.hub-lock} beside the database for as long as it runs
 * (released by the OS if the process dies) and writes its PID there. The command line's own
 * commands ({@code noroshi admin ...}) do not take it: they may write to a running hub's file.
 */
public final class HubFileLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private HubFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws DatabaseException naming the file and the other hub's PID when one holds it */
    public static HubFileLock acquire(Path databaseFile) {
        Path file = databaseFile.toAbsolutePath();
        Path lockFile = file.resolveSibling(file.getFileName() + ".hub-lock");
        try {
            Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
                throw new DatabaseException("the database " + file + " is in use by another Noroshi hub (PID "
                        + (pid.isEmpty() ? "unknown" : pid) + ", lock " + lockFile + "); stop that hub first, or give this one "
                        + "another --data directory (several hubs can share PostgreSQL, not a SQLite file)");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new HubFileLock(channel, lock);
        } catch (IOException e) {
            throw new DatabaseException("cannot lock the database " + file + " for this hub: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The OS drops the lock with the process anyway.
        }
    }
}
