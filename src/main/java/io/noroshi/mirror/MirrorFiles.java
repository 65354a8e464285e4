package io.noroshi.mirror;

import java.util.List;

/**
 * Files published to every mirror besides the public site (the restore export, the encrypted
 * contacts bundle). Called on the mirrors' export thread, never on a request thread.
 */
@FunctionalInterface
public interface MirrorFiles {

    /** The files as of now; a provider returns the same bytes while nothing it exports changed. */
    List<SiteFile> files();
}
