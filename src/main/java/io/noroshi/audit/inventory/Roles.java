package io.noroshi.audit.inventory;

import io.noroshi.config.Service.ServiceKind;
import java.util.Set;

/** Which services carry the message and which are the subject of it. */
final class Roles {

    /** The communication path: what must outlive an outage of everything else. */
    static final Set<ServiceKind> COMMUNICATION = Set.of(ServiceKind.STATUS, ServiceKind.NOTIFY, ServiceKind.CONTACTS, ServiceKind.MONITORING);

    private Roles() {
    }

    /** True for what a status page reports on: everything that is not the communication path. */
    static boolean reported(ServiceKind kind) {
        return !COMMUNICATION.contains(kind);
    }
}
