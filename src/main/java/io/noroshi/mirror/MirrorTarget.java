package io.noroshi.mirror;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where one mirror's files live: a directory, a bucket, a git branch, an SFTP directory. One small
 * class per kind; {@link MirrorTargets} opens the one a config names. Called from one thread at a
 * time (the mirror's own worker).
 */
public interface MirrorTarget extends AutoCloseable {

    /** The file as the mirror holds it now, or empty when it holds no such file. */
    Optional<byte[]> read(String file) throws IOException;

    /**
     * Writes every changed file, removes the removed ones, and writes the manifest last, so a
     * reader that sees the new manifest sees every file it names. A file is never seen half
     * written where the store allows it (temp file and rename; object stores put whole objects).
     */
    void apply(Upload upload) throws IOException;

    /**
     * The files of {@code manifest} that this target cannot vouch for: missing, or of another size
     * than the manifest says (what a crash before the kernel wrote them back leaves). Asked once when
     * a worker first reads the mirror's manifest, so those files are written again. A target that
     * cannot check cheaply returns none.
     */
    default java.util.Set<String> notAsListed(Manifest manifest) throws IOException {
        return java.util.Set.of();
    }

    @Override
    default void close() {
    }

    /**
     * One publish's changes.
     *
     * @param changed  files whose bytes differ from what the mirror holds, or that it lacks
     * @param removed  file names the mirror holds that the site no longer has
     * @param manifest the new {@link Manifest#FILE}
     */
    record Upload(List<SiteFile> changed, List<String> removed, SiteFile manifest) {
        public Upload {
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
        }
    }
}
