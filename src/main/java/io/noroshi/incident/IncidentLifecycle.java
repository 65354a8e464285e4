package io.noroshi.incident;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which step may follow which in an incident's life, for every way of changing one (API, admin
 * pages, command line). While open, an incident moves freely between investigating, identified
 * and monitoring (a fix that did not hold goes back) and may be resolved. Once resolved, only a
 * postmortem or an explicit reopen (with a reason) may follow: an update never reopens silently
 * and resolving twice is refused. A postmortem may be replaced but not reopened; a recurrence
 * after the analysis is a new incident.
 */
public final class IncidentLifecycle {

    /** A change an operator asks for; the update steps name the status they lead to. */
    public enum Step {
        INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED, POSTMORTEM, REOPEN;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The step of an update that sets {@code status}. */
        public static Step update(IncidentStatus status) {
            return valueOf(status.name());
        }
    }

    private static final List<Step> WHILE_OPEN = List.of(Step.INVESTIGATING, Step.IDENTIFIED, Step.MONITORING, Step.RESOLVED);
    private static final Map<IncidentStatus, List<Step>> ALLOWED = allowed();

    private IncidentLifecycle() {
    }

    private static Map<IncidentStatus, List<Step>> allowed() {
        var map = new EnumMap<IncidentStatus, List<Step>>(IncidentStatus.class);
        map.put(IncidentStatus.INVESTIGATING, WHILE_OPEN);
        map.put(IncidentStatus.IDENTIFIED, WHILE_OPEN);
        map.put(IncidentStatus.MONITORING, WHILE_OPEN);
        map.put(IncidentStatus.RESOLVED, List.of(Step.POSTMORTEM, Step.REOPEN));
        map.put(IncidentStatus.POSTMORTEM, List.of(Step.POSTMORTEM));
        return map;
    }

    /** The steps that may follow {@code current}, in the order an operator reads them. */
    public static List<Step> allowedFrom(IncidentStatus current) {
        return ALLOWED.get(current);
    }

    public static boolean allows(IncidentStatus current, Step step) {
        return ALLOWED.get(current).contains(step);
    }

    /** The statuses a reopened incident may take. */
    public static List<IncidentStatus> reopenedStatuses() {
        return List.of(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING);
    }
}
