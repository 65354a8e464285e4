package io.noroshi.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what sections say about each other: ids are unique and well-formed, every reference
 * names something declared, site parents and service dependencies form no cycle.
 */
final class ConfigReferences {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");

    private record Expected(String kind, String id, int line, String key) {
    }

    private record PartUse(String site, String part, int line, String key) {
    }

    private final ConfigProblems problems;
    private final Map<String, Set<String>> declared = new HashMap<>();
    private final List<Expected> expected = new ArrayList<>();
    private final List<PartUse> partUses = new ArrayList<>();

    ConfigReferences(ConfigProblems problems) {
        this.problems = problems;
    }

    String declare(String kind, YamlSection s, String id) {
        if (id.isEmpty()) return id;
        if (!ID.matcher(id).matches()) {
            s.problem("id", "'" + id + "' is not a valid id: use lower-case letters, digits, '-', '_' or '.', at most 63 characters");
        }
        if (!declared.computeIfAbsent(kind, k -> new HashSet<>()).add(id)) {
            s.problem("id", "duplicate " + kind + " id '" + id + "'");
        }
        return id;
    }

    void expect(String kind, String id, YamlSection s, String key) {
        expected.add(new Expected(kind, id, s.lineOf(key), s.child(key)));
    }

    void expectPart(String site, String part, YamlSection s) {
        partUses.add(new PartUse(site, part, s.lineOf("shared_parts"), s.child("shared_parts")));
    }

    void check(List<Site> sites, List<Service> services) {
        for (Expected e : expected) {
            if (!declared.getOrDefault(e.kind, Set.of()).contains(e.id)) {
                problems.add(e.line, e.key, "unknown " + e.kind + " '" + e.id + "'" + known(e.kind));
            }
        }
        var siteById = new HashMap<String, Site>();
        sites.forEach(s -> siteById.put(s.id(), s));
        for (PartUse use : partUses) {
            if (!siteHasPart(siteById, use.site, use.part)) {
                problems.add(use.line, use.key, "site '" + use.site + "' (or a site it is in) has no shared part '" + use.part + "'");
            }
        }
        for (Site site : sites) {
            var seen = new HashSet<String>();
            Site current = site;
            while (current != null && current.parent().isPresent()) {
                if (!seen.add(current.id())) {
                    problems.add(0, "sites", "site '" + site.id() + "' is its own ancestor (parent cycle through " + seen + ")");
                    break;
                }
                current = siteById.get(current.parent().get());
            }
        }
        new DependencyCycles(problems).check(services);
    }

    private static boolean siteHasPart(Map<String, Site> sites, String siteId, String part) {
        var seen = new HashSet<String>();
        Site site = sites.get(siteId);
        while (site != null && seen.add(site.id())) {
            if (site.sharedParts().stream().anyMatch(p -> p.id().equals(part))) return true;
            site = site.parent().map(sites::get).orElse(null);
        }
        return false;
    }

    private String known(String kind) {
        var ids = declared.getOrDefault(kind, Set.of());
        if (ids.isEmpty()) return "; none is declared";
        var sorted = ids.stream().sorted().limit(12).toList();
        return "; declared: " + String.join(", ", sorted) + (ids.size() > 12 ? ", ..." : "");
    }
}
