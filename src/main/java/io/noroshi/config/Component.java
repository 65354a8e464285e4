package io.noroshi.config;

import java.util.List;
import java.util.Optional;

/**
 * A line on the public status page, as the operator's customers name things ("Web hosting",
 * "Mail"). It maps to the services whose health decides its status.
 */
public record Component(String id, Text name, Text description, Optional<String> group, List<String> services) {

    public Component {
        description = description == null ? Text.EMPTY : description;
        services = List.copyOf(services);
    }

    /** A heading on the status page that groups components. */
    public record Group(String id, Text name, Text description) {
        public Group {
            description = description == null ? Text.EMPTY : description;
        }
    }
}
