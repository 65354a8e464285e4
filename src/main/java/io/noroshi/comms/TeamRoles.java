package io.noroshi.comms;

import java.time.Instant;
import java.util.List;

/** Who holds a role on an incident at a time: the people reminders go to. */
@FunctionalInterface
public interface TeamRoles {

    String COMMANDER = "commander";
    String COMMS_LEAD = "comms-lead";

    /** Without a roster: the role itself is told (the notifications routes map it to people). */
    TeamRoles ROLE_NAMES = (incidentId, role, at) -> List.of(role);

    /** The people (or the role name, when nobody is on call for it) holding {@code role} on the incident at {@code at}. */
    List<String> holders(String incidentId, String role, Instant at);
}
