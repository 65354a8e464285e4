package io.noroshi.audit.bench;

import java.util.Random;

/**
 * A large, plausible inventory for the audit benchmark: providers holding data centers, each with a storage
 * array; DNS, web, mail, databases and APIs spread over them, web and mail depending on DNS and databases.
 * Deterministic for a given seed so runs compare.
 */
public final class GeneratedInventory {

    private GeneratedInventory() {
    }

    /** YAML for {@code services} services in {@code sites} sites (a tenth of them providers, the rest data centers). */
    public static String yaml(int services, int sites, long seed) {
        var random = new Random(seed);
        int providers = Math.max(1, sites / 10);
        int dataCenters = sites - providers;
        var out = new StringBuilder("page: {name: Generated Hosting}\nsites:\n");
        for (int p = 0; p < providers; p++) out.append("  - {id: provider-").append(p).append(", kind: provider}\n");
        for (int d = 0; d < dataCenters; d++) {
            out.append("  - {id: dc-").append(d).append(", parent: provider-").append(d % providers)
                    .append(", shared_parts: [{id: san-").append(d).append("}]}\n");
        }
        out.append("services:\n");
        int dns = Math.max(2, services / 50);
        int databases = Math.max(2, services / 20);
        int communication = 4;
        for (int i = 0; i < services; i++) {
            String kind;
            String dependsOn = "";
            if (i < dns) {
                kind = "dns";
            } else if (i < dns + databases) {
                kind = "database";
            } else if (i < dns + databases + communication) {
                kind = new String[] {"status", "notify", "contacts", "monitoring"}[i - dns - databases];
            } else {
                kind = new String[] {"web", "mail", "api", "web"}[random.nextInt(4)];
                dependsOn = ", depends_on: [svc-" + random.nextInt(dns) + ", svc-" + (dns + random.nextInt(databases)) + "]";
            }
            out.append("  - {id: svc-").append(i).append(", kind: ").append(kind).append(", endpoints: [");
            int endpoints = kind.equals("monitoring") ? 5 : 1 + random.nextInt(3);
            for (int e = 0; e < endpoints; e++) {
                int dc = random.nextInt(dataCenters);
                if (e > 0) out.append(", ");
                out.append("{host: h").append(i).append('-').append(e).append(".example, site: dc-").append(dc);
                if (random.nextBoolean()) out.append(", shared_parts: [san-").append(dc).append("]");
                out.append('}');
            }
            out.append("]").append(dependsOn).append("}\n");
        }
        return out.toString();
    }
}
