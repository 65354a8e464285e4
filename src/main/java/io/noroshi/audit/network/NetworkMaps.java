package io.noroshi.audit.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the ASN database an operator names with {@code --asn-db}, by its file ending. */
public final class NetworkMaps {

    private NetworkMaps() {
    }

    /** A MaxMind-format database for {@code .mmdb}, else a RouteViews pfx2as text file; none gives the fallback. */
    public static NetworkMap open(Optional<Path> database) {
        if (database.isEmpty()) return new FallbackNetworks();
        Path path = database.get();
        if (!Files.isReadable(path)) throw new AsnDatabaseException(path + ": cannot read the ASN database (no such file or not readable)");
        if (path.getFileName().toString().endsWith(".mmdb")) return MaxMindNetworks.read(path);
        return Pfx2AsNetworks.read(path);
    }
}
