package io.noroshi.audit.inventory;

import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Service;
import io.noroshi.config.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every site and shared part of an inventory, and for each place something runs (an endpoint, a vantage
 * point) the failure domains that take it down: its site, that site's ancestors, and its shared parts.
 */
public final class FailureDomains {

    private final Map<String, FailureDomain> byId = new LinkedHashMap<>();
    private final Map<String, Site> sites = new HashMap<>();
    private final Map<String, Set<String>> ancestry = new HashMap<>();

    public FailureDomains(NoroshiConfig config) {
        for (Site site : config.sites()) {
            sites.put(site.id(), site);
            byId.put(site.id(), new FailureDomain.SiteFailure(site));
        }
        for (Site site : config.sites()) {
            for (Site.SharedPart part : site.sharedParts()) byId.putIfAbsent(part.id(), new FailureDomain.PartFailure(site, part));
        }
    }

    public List<FailureDomain> all() {
        return List.copyOf(byId.values());
    }

    public Optional<FailureDomain> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The failure domains that take down something running at {@code site} on {@code parts}. */
    public Set<String> hitting(String site, List<String> parts) {
        var hits = new LinkedHashSet<>(ancestorsOf(site));
        hits.addAll(parts);
        return hits;
    }

    public Set<String> hitting(Service.Endpoint endpoint) {
        return hitting(endpoint.site(), endpoint.sharedParts());
    }

    /** The site and every site it sits in, nearest first. */
    public Set<String> ancestorsOf(String siteId) {
        return ancestry.computeIfAbsent(siteId, id -> {
            var chain = new LinkedHashSet<String>();
            Site site = sites.get(id);
            while (site != null && chain.add(site.id())) {
                site = site.parent().map(sites::get).orElse(null);
            }
            if (chain.isEmpty()) chain.add(id);
            return chain;
        });
    }

    /** The sites directly below {@code siteId} and below them. */
    public List<String> descendantsOf(String siteId) {
        var found = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (String id : sites.keySet()) {
            if (!id.equals(siteId) && ancestorsOf(id).contains(siteId) && seen.add(id)) found.add(id);
        }
        return found;
    }
}
