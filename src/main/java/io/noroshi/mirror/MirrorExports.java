package io.noroshi.mirror;

import io.noroshi.config.NoroshiConfig;
import io.noroshi.storage.Database;
import java.time.InstantSource;
import java.util.List;

/** The files every mirror gets besides the public site: the restore export and the contacts bundle. */
public final class MirrorExports {

    private MirrorExports() {
    }

    public static List<MirrorFiles> of(NoroshiConfig config, Database database, InstantSource clock) {
        return List.of();
    }
}
