package io.noroshi.mirror;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A local directory, for a second web server or rsync to elsewhere. Each file is written to a
 * temporary name beside it and renamed over the old one, so a reader sees the old bytes or the
 * new ones, never a half-written file.
 */
public final class DirectoryTarget implements MirrorTarget {

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
    public void apply(Upload upload) throws IOException {
        Files.createDirectories(root);
        for (SiteFile file : upload.changed()) write(file);
        for (String file : upload.removed()) remove(file);
        write(upload.manifest());
    }

    private void write(SiteFile file) throws IOException {
        Path target = resolve(file.file());
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".noroshi-tmp");
        Files.write(temp, file.body());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void remove(String file) throws IOException {
        Path target = resolve(file);
        Files.deleteIfExists(target);
        // Empty directories left behind (an incident's page directory) go too, up to the root.
        for (Path dir = target.getParent(); dir != null && !dir.equals(root) && dir.startsWith(root); dir = dir.getParent()) {
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
