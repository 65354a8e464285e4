package io.noroshi.mirror;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A local directory, for a second web server or rsync to elsewhere. A publish first writes every
 * changed file to a temporary name beside it (a large publish on several threads), and only when
 * all are written renames them over the old files, then writes the manifest: a reader sees the old
 * bytes or the new ones, never a half-written file, and a publish that fails while writing leaves
 * the previous site as it was (its temporary files removed).
 *
 * <p>Nothing is fsynced: the files are in the page cache when a publish returns and reach the disk
 * with the kernel's writeback. A file a crash lost or cut short does not match the size the manifest
 * lists, so the next worker to start writes it again ({@link #notAsListed}; docs/mirrors.md, "What is
 * durable when").
 */
public final class DirectoryTarget implements MirrorTarget {

    /** From this many changed files on, they are written on several threads (a first or full publish). */
    static final int PARALLEL_FROM = 256;
    private static final String TEMP_SUFFIX = ".noroshi-tmp";

    private final Path root;

    public DirectoryTarget(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<byte[]> read(String file) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(resolve(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Set<String> notAsListed(Manifest manifest) throws IOException {
        var doubtful = new java.util.HashSet<String>();
        for (var e : manifest.files().entrySet()) {
            Path file = resolve(e.getKey());
            try {
                if (Files.size(file) != e.getValue().size()) doubtful.add(e.getKey());
            } catch (NoSuchFileException gone) {
                doubtful.add(e.getKey());
            }
        }
        return doubtful;
    }

    @Override
    public void apply(Upload upload) throws IOException {
        Files.createDirectories(root);
        List<Path> targets = new ArrayList<>(upload.changed().size());
        for (SiteFile file : upload.changed()) targets.add(resolve(file.file()));
        stage(upload.changed(), targets);
        try {
            for (Path target : targets) place(target);
        } catch (IOException | RuntimeException e) {
            for (Path target : targets) discard(temp(target));
            throw e;
        }
        for (String file : upload.removed()) remove(resolve(file));
        Path manifest = resolve(upload.manifest().file());
        stage(List.of(upload.manifest()), List.of(manifest));
        place(manifest);
    }

    /** Writes each file to its temporary name; on a failure removes every one written and throws. */
    private void stage(List<SiteFile> files, List<Path> targets) throws IOException {
        Set<Path> made = ConcurrentHashMap.newKeySet();
        try {
            if (files.size() < PARALLEL_FROM) {
                for (int i = 0; i < files.size(); i++) writeTemp(files.get(i), targets.get(i), made);
                return;
            }
            int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
            try (var pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("mirror-directory-", 0).daemon().factory())) {
                var futures = new ArrayList<Future<?>>(threads);
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    futures.add(pool.submit(() -> {
                        for (int i = first; i < files.size(); i += threads) writeTemp(files.get(i), targets.get(i), made);
                        return null;
                    }));
                }
                for (Future<?> f : futures) join(f);
            }
        } catch (IOException | RuntimeException e) {
            for (Path target : targets) discard(temp(target));
            throw e;
        }
    }

    private void writeTemp(SiteFile file, Path target, Set<Path> made) throws IOException {
        Path dir = target.getParent();
        // Most files share a directory with others: create each directory once per publish.
        if (!made.contains(dir)) {
            Files.createDirectories(dir);
            made.add(dir);
        }
        Files.write(temp(target), file.body());
    }

    private static void join(Future<?> future) throws IOException {
        try {
            future.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new UncheckedIOException(new IOException(e.getCause()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the mirror directory", e);
        }
    }

    private static void place(Path target) throws IOException {
        try {
            Files.move(temp(target), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp(target), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path temp(Path target) {
        return target.resolveSibling("." + target.getFileName() + TEMP_SUFFIX);
    }

    /** Removes a temporary file left by a failed publish, and the directories it alone needed. */
    private void discard(Path temp) {
        try {
            if (Files.deleteIfExists(temp)) removeEmptyParents(temp);
        } catch (IOException e) {
            // best effort: the next publish overwrites a stale temporary file
        }
    }

    private void remove(Path target) throws IOException {
        Files.deleteIfExists(target);
        removeEmptyParents(target);
    }

    /** Empty directories left behind (an incident's page directory) go too, up to the root. */
    private void removeEmptyParents(Path file) throws IOException {
        for (Path dir = file.getParent(); dir != null && !dir.equals(root) && dir.startsWith(root); dir = dir.getParent()) {
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException e) {
                break;
            }
        }
    }

    private Path resolve(String file) {
        Path path = root.resolve(file).normalize();
        if (!path.startsWith(root)) throw new MirrorException("file name outside the mirror directory: " + file);
        return path;
    }

    @Override
    public String toString() {
        return "directory " + root;
    }
}
