package io.noroshi.statuspage;

import io.noroshi.component.ComponentState;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Component;
import io.noroshi.config.NoroshiConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order components appear in, on the page and in the API: config order, with a group placed
 * where its first member is declared, and every component's current status.
 *
 * @param sections groups and ungrouped components, top to bottom
 * @param statuses current status by component id; every configured component is present
 */
public record PageLayout(List<Section> sections, Map<String, ComponentStatus> statuses) {

    public PageLayout {
        sections = List.copyOf(sections);
        statuses = Map.copyOf(statuses);
    }

    /**
     * One block on the page: a group with its members, or a single ungrouped component.
     *
     * @param group      empty for an ungrouped component
     * @param components at least one
     */
    public record Section(Optional<Component.Group> group, List<Component> components) {
        public Section {
            components = List.copyOf(components);
        }
    }

    /** Lays out the components of {@code data}; a component without a stored state is operational. */
    public static PageLayout of(PageData data) {
        NoroshiConfig config = data.config();
        var byGroup = new LinkedHashMap<String, List<Component>>();
        var order = new ArrayList<Object>();
        for (Component component : config.components()) {
            if (component.group().isPresent()) {
                String group = component.group().get();
                if (!byGroup.containsKey(group)) order.add(group);
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(component);
            } else {
                order.add(component);
            }
        }
        var sections = new ArrayList<Section>();
        for (Object item : order) {
            if (item instanceof Component component) {
                sections.add(new Section(Optional.empty(), List.of(component)));
            } else {
                String groupId = (String) item;
                Component.Group group = config.componentGroups().stream().filter(g -> g.id().equals(groupId)).findFirst()
                        .orElseGet(() -> new Component.Group(groupId, io.noroshi.config.Text.of(groupId), null));
                sections.add(new Section(Optional.of(group), byGroup.get(groupId)));
            }
        }
        var statuses = new LinkedHashMap<String, ComponentStatus>();
        for (Component component : config.components()) {
            ComponentState state = data.states().get(component.id());
            statuses.put(component.id(), state == null ? ComponentStatus.OPERATIONAL : state.status());
        }
        return new PageLayout(sections, statuses);
    }

    public ComponentStatus statusOf(String componentId) {
        return statuses.getOrDefault(componentId, ComponentStatus.OPERATIONAL);
    }

    /** The worst status among a section's components; maintenance ranks above operational only. */
    public ComponentStatus statusOf(Section section) {
        ComponentStatus worst = ComponentStatus.OPERATIONAL;
        for (Component component : section.components()) {
            ComponentStatus status = statusOf(component.id());
            if (severity(status) > severity(worst)) worst = status;
        }
        return worst;
    }

    /** Orders statuses from harmless to worst, so that maintenance never hides an outage. */
    public static int severity(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> 0;
            case UNDER_MAINTENANCE -> 1;
            case DEGRADED_PERFORMANCE -> 2;
            case PARTIAL_OUTAGE -> 3;
            case MAJOR_OUTAGE -> 4;
        };
    }
}
