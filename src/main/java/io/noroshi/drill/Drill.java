package io.noroshi.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The site-loss drill: builds sites A, B, C and a customer in network namespaces, cuts site A off,
 * restores a standby hub in B from a mirror, lets the agents in B and C declare the outage there,
 * publishes the first notice and follows it to both mirrors, to a subscriber through B's relay and
 * to the customer. Every step is timed from the cut. {@link #close} removes everything it made.
 */
public final class Drill implements AutoCloseable {

    /** One step: its RESULT key, what it is, whether it completed, its own time and the time since the cut. */
    public record Step(String key, String title, boolean ok, double seconds, double sinceCut, String detail) {
    }

    /** What the drill found: every step, what the customer read and what the relay received. */
    public record Report(String marker, List<Step> steps, String customerRead, List<String> relayMail, List<String> workarounds) {
        public boolean completed() {
            return !steps.isEmpty() && steps.stream().allMatch(Step::ok) && steps.stream().anyMatch(s -> s.key().equals("customer_read"));
        }
    }

    static final String HUB_PORT = "8080";
    private static final String OPERATOR = "ops@drill.test";
    private static final String SUBSCRIBER = "customer@drill.test";

    private final Duration interval;
    private final Path work;
    private final PrintWriter out;
    private final DrillNetwork network = new DrillNetwork();
    private final Children children = new Children();
    private final ObjectMapper json = new ObjectMapper();
    private final String marker = "DRILL-" + HexFormat.of().formatHex(random(3)).toUpperCase(java.util.Locale.ROOT);
    private final List<Step> steps = new ArrayList<>();
    private final List<String> workarounds = new ArrayList<>();
    private final String agentTokenB = token();
    private final String agentTokenC = token();
    private Children.Child hubA;
    private boolean agentsHaveTwoHubs;
    private String customerRead = "";
    private long cutAt;
    private volatile boolean closed;
    private boolean stopped;

    /**
     * @param interval the monitors' check interval (the target assumes 10 s)
     * @param work     a fresh directory for configs, data, logs and the mirrors' files
     */
    public Drill(Duration interval, Path work, PrintWriter out) {
        this.interval = interval;
        this.work = work;
        this.out = out;
    }

    /** Runs the drill; never throws for a failed step (it is in the report). */
    public Report run() {
        try {
            setUp();
            drill();
        } catch (DrillException e) {
            say("FAILED: " + e.getMessage());
            if (steps.isEmpty() || steps.getLast().ok()) steps.add(new Step("setup", "setup", false, 0, 0, e.getMessage()));
        } catch (RuntimeException e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            say("FAILED (unexpected): " + message);
            steps.add(new Step("setup", "setup", false, 0, 0, message));
        } finally {
            bringSiteABack();
        }
        return new Report(marker, List.copyOf(steps), customerRead, relayMail(), List.copyOf(workarounds));
    }

    // ---------------------------------------------------------------- setup

    private void setUp() {
        DrillNetwork.requirePermitted();
        try {
            Files.createDirectories(work);
            for (String site : List.of("a", "b", "c")) Files.createDirectories(work.resolve(site));
            Files.createDirectories(relayDir());
            // smtp-sink drops root for nobody: its dump directory must be writable for it
            Files.setPosixFilePermissions(relayDir(), PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new DrillException("cannot prepare " + work + ": " + e.getMessage());
        }
        say("work directory " + work + ", marker " + marker + ", check interval " + interval.toSeconds() + " s");
        network.build();
        say("network: namespaces " + DrillNetwork.existing() + " on a bridge in " + DrillNetwork.SWITCH + ", 10.213.0.0/24 inside them only");

        startSiteAServices();
        startMirrorServer("b");
        startMirrorServer("c");
        startRelay();
        String publicKey = operatorKey();
        writeConfig(publicKey);

        Path dataA = work.resolve("a/data");
        hubA = startHub("hub-a", "a", dataA);
        if (!awaitHub("a", Duration.ofSeconds(120))) throw new DrillException("the primary hub did not answer within 120 s; see " + work.resolve("a/hub-a.log"));
        say("primary hub on site A answers at " + hubUrl("a"));
        String tokenA = operatorToken(dataA, "a", "admin");
        addSubscriber("a", tokenA, SUBSCRIBER);
        startAgents();
        // The hub writes the contacts bundle with its next snapshot (at the latest its idle refresh, 60 s):
        // wait until the bundle on mirror C holds the subscriber, read as the operator would, with the key.
        if (waitUntil(Duration.ofSeconds(120), () -> bundleHolds("c", SUBSCRIBER))) {
            say("the contacts bundle on mirror C holds the subscriber (decrypted with the operator's key)");
        } else {
            say("the contacts bundle on mirror C does not hold the subscriber after 120 s");
        }
        boolean published = waitUntil(Duration.ofSeconds(90), () -> mirrorServes("b", "api/v2/summary.json", null) && mirrorServes("c", "api/v2/summary.json", null));
        if (!published) throw new DrillException("the primary hub did not publish to both mirrors within 90 s; see " + work.resolve("a/hub-a.log"));
        say("both mirrors serve the primary's site; the customer reads http://" + DrillNetwork.address("b") + "/");
        // let the agents report a few rounds to the primary before the cut
        sleep(Duration.ofSeconds(Math.min(15, interval.toSeconds() * 2)));
    }

    private void startSiteAServices() {
        Path nsd = work.resolve("a/nsd");
        Path www = work.resolve("a/www");
        try {
            Files.createDirectories(nsd);
            Files.createDirectories(www);
            Files.writeString(www.resolve("index.html"), "<!doctype html><title>Drill Hosting</title><p>Welcome to site A.\n");
            Files.writeString(nsd.resolve("drill.test.zone"), """
                    $ORIGIN drill.test.
                    $TTL 300
                    @ IN SOA ns1.drill.test. hostmaster.drill.test. 1 3600 600 86400 300
                    @ IN NS ns1.drill.test.
                    ns1 IN A 10.213.0.1
                    www IN A 10.213.0.1
                    @ IN MX 10 mail.drill.test.
                    mail IN A 10.213.0.1
                    """);
            Files.writeString(nsd.resolve("nsd.conf"), """
                    server:
                      ip-address: 10.213.0.1
                      port: 53
                      username: ""
                      chroot: ""
                      zonesdir: "%1$s"
                      pidfile: "%1$s/nsd.pid"
                      zonelistfile: "%1$s/zone.list"
                      xfrdfile: "%1$s/xfrd.state"
                      xfrdir: "%1$s"
                      database: ""
                      logfile: "%1$s/nsd.log"
                      server-count: 1
                      verbosity: 1
                    remote-control:
                      control-enable: no
                    zone:
                      name: "drill.test"
                      zonefile: "drill.test.zone"
                    """.formatted(nsd));
        } catch (IOException e) {
            throw new DrillException("cannot write site A's service files: " + e.getMessage());
        }
        children.start("nsd", "a", work.resolve("a/nsd.out"), Map.of(), List.of("nsd", "-d", "-c", nsd.resolve("nsd.conf").toString()));
        children.start("web", "a", work.resolve("a/web.out"), Map.of(), nginx(work.resolve("a/nginx"), DrillNetwork.address("a") + ":80", www));
        children.start("mail", "a", work.resolve("a/mail.out"), Map.of(),
                List.of("/usr/sbin/smtp-sink", "-u", "nobody", DrillNetwork.address("a") + ":25", "16"));
        say("site A: DNS (nsd) at 10.213.0.1:53, web (nginx) at :80, mail (postfix's smtp-sink) at :25");
    }

    private void startMirrorServer(String site) {
        Path root = mirrorDir(site);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new DrillException("cannot create " + root + ": " + e.getMessage());
        }
        children.start("mirror-" + site, site, work.resolve(site + "/mirror-server.out"), Map.of(),
                nginx(work.resolve(site + "/nginx"), DrillNetwork.address(site) + ":80", root));
        say("site " + site.toUpperCase(java.util.Locale.ROOT) + ": mirror directory " + root + " served by nginx at http://" + DrillNetwork.address(site) + "/");
    }

    private void startRelay() {
        children.start("relay-b", "b", work.resolve("b/relay.out"), Map.of(),
                List.of("/usr/sbin/smtp-sink", "-u", "nobody", "-d", relayDir() + "/%H%M%S.", DrillNetwork.address("b") + ":25", "16"));
        say("site B: mail relay (postfix's smtp-sink, keeping every message in " + relayDir() + ") at 10.213.0.2:25");
    }

    /** nginx in the foreground (its master's PID is the child's), all its files below {@code dir}. */
    private List<String> nginx(Path dir, String listen, Path root) {
        try {
            Files.createDirectories(dir.resolve("tmp"));
            Files.writeString(dir.resolve("nginx.conf"), """
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log;
                    events { worker_connections 64; }
                    http {
                      access_log off;
                      client_body_temp_path %1$s/tmp;
                      proxy_temp_path %1$s/tmp;
                      fastcgi_temp_path %1$s/tmp;
                      uwsgi_temp_path %1$s/tmp;
                      scgi_temp_path %1$s/tmp;
                    %2$s}
                    """.formatted(dir, io.noroshi.mirror.MirrorServing.nginxServer(listen, root.toString())));
        } catch (IOException e) {
            throw new DrillException("cannot write nginx config in " + dir + ": " + e.getMessage());
        }
        return List.of("nginx", "-c", dir.resolve("nginx.conf").toString(), "-p", dir.toString(), "-g", "daemon off;");
    }

    /** The operator's age key pair ({@code noroshi keys generate}): the contacts bundle on the mirrors is encrypted to it. */
    private String operatorKey() {
        Shell.Result r = Shell.run(Duration.ofSeconds(90), null, noroshi(List.of("keys", "generate", "-o", identity().toString())));
        if (!r.ok()) throw new DrillException("noroshi keys generate failed: " + r.output().strip());
        return r.output().lines().filter(l -> l.startsWith("age1")).findFirst()
                .orElseThrow(() -> new DrillException("noroshi keys generate printed no public key: " + r.output().strip()));
    }

    private Path identity() {
        return work.resolve("operator.key");
    }

    private void writeConfig(String publicKey) {
        long seconds = Math.max(1, interval.toSeconds());
        String yaml = """
                page:
                  name: Drill Hosting
                  url: http://status.drill.test/
                sites:
                  - {id: site-a}
                  - {id: site-b}
                  - {id: site-c}
                components:
                  - {id: dns, name: DNS}
                  - {id: web, name: Web}
                  - {id: mail, name: Mail}
                vantage_points:
                  - {id: agent-b, site: site-b, kind: agent, token_sha256: %1$s}
                  - {id: agent-c, site: site-c, kind: agent, token_sha256: %2$s}
                monitors:
                  - {id: dns, kind: dns, name: drill.test, type: SOA, servers: ['10.213.0.1:53'], timeout: 3s, interval: %3$ds, component: dns, vantage_points: [agent-b, agent-c], quorum: 2, confirmations: 2}
                  - {id: web, kind: http, url: 'http://10.213.0.1/', timeout: 3s, interval: %3$ds, component: web, vantage_points: [agent-b, agent-c], quorum: 2, confirmations: 2}
                  - {id: mail, kind: smtp, host: 10.213.0.1, port: 25, tls: none, timeout: 3s, interval: %3$ds, component: mail, vantage_points: [agent-b, agent-c], quorum: 2, confirmations: 2}
                mirrors:
                  targets:
                    - {id: mirror-b, site: site-b, directory: "%4$s"}
                    - {id: mirror-c, site: site-c, directory: "%5$s"}
                  bundle:
                    recipients: [%6$s]
                notifications:
                  base_url: http://status.drill.test
                  channels:
                    - name: mail
                      kind: email
                      site: site-b
                      from: status@drill.test
                      host: 10.213.0.2
                      port: 25
                      tls: none
                """.formatted(sha256(agentTokenB), sha256(agentTokenC), seconds, mirrorDir("b"), mirrorDir("c"), publicKey);
        try {
            Files.writeString(config(), yaml);
        } catch (IOException e) {
            throw new DrillException("cannot write " + config() + ": " + e.getMessage());
        }
    }

    private void startAgents() {
        agentsHaveTwoHubs = true;
        var agents = List.of(startAgent("b", "agent-b", agentTokenB, true), startAgent("c", "agent-c", agentTokenC, true));
        sleep(Duration.ofSeconds(5));
        if (agents.stream().anyMatch(a -> !a.process().isAlive())) {
            agentsHaveTwoHubs = false;
            String why = readQuietly(agents.getFirst().log()).strip();
            agents.forEach(children::stop);
            workaround("agents do not accept --hub twice in this build (" + firstLine(why) + "): each of B and C runs an agent for the primary"
                    + " now and a second agent for the standby once it is started");
            startAgent("b", "agent-b", agentTokenB, false);
            startAgent("c", "agent-c", agentTokenC, false);
        }
        say("agents in B and C report to " + (agentsHaveTwoHubs ? "the primary and the standby (--hub given twice)" : "the primary"));
    }

    private Children.Child startAgent(String site, String name, String token, boolean bothHubs) {
        var args = new ArrayList<>(List.of("agent", "--hub", hubUrl("a")));
        if (bothHubs) args.addAll(List.of("--hub", hubUrl("b")));
        args.addAll(List.of("--name", name, "--site", "site-" + site, "--buffer", work.resolve(site + "/buffer-" + name + (bothHubs ? "" : "-1")).toString()));
        return children.start(name, site, work.resolve(site + "/" + name + ".log"), Map.of("NOROSHI_AGENT_TOKEN", token), noroshi(args));
    }

    // ---------------------------------------------------------------- the drill

    private void drill() {
        cutAt = System.nanoTime();
        network.cut("a");
        // The mirrors' directories are on this machine's file system, which no link cut separates from
        // site A: pause the primary so it cannot write to them as a lost site could not.
        children.signal(hubA, "STOP");
        step("cut", "site A cut off (its link down; primary hub paused)", () -> !reachable("b", hubUrl("a") + "api/v2/status.json", 1) ? "" : null,
                Duration.ofSeconds(10));

        Path dataB = work.resolve("b/data");
        boolean restored = step("restore", "standby hub in B restored from mirror C (noroshi restore --from URL --identity)", () -> restore(dataB),
                Duration.ofSeconds(1), false);
        if (!restored && !closed) {
            workaround("no restore: the standby starts from the config alone, with none of the primary's history (incidents, uptime)");
        }
        String[] token = new String[1];
        step("standby_up", "standby hub started in B", () -> {
            startHub("hub-b", "b", dataB);
            if (!awaitHub("b", Duration.ofSeconds(120))) throw new DrillException("the standby hub did not answer within 120 s; see " + work.resolve("b/hub-b.log"));
            if (!agentsHaveTwoHubs) {
                String base = hubUrl("b");
                children.start("agent-b-standby", "b", work.resolve("b/agent-b-standby.log"), Map.of("NOROSHI_AGENT_TOKEN", agentTokenB),
                        noroshi(List.of("agent", "--hub", base, "--name", "agent-b", "--site", "site-b", "--buffer", work.resolve("b/buffer-2").toString())));
                children.start("agent-c-standby", "c", work.resolve("c/agent-c-standby.log"), Map.of("NOROSHI_AGENT_TOKEN", agentTokenC),
                        noroshi(List.of("agent", "--hub", base, "--name", "agent-c", "--site", "site-c", "--buffer", work.resolve("c/buffer-2").toString())));
            }
            return "answers at " + hubUrl("b");
        }, Duration.ofSeconds(1), true);
        step("standby_ready", "operator on the standby: account, API token, subscribers from the bundle", () -> {
            token[0] = operatorToken(dataB, "b", "admin");
            // noroshi restore --identity put the bundle's subscribers into the standby's database: look them up.
            int fromBundle = 0;
            for (String address : restoredSubscribers(dataB)) {
                if (hasSubscriber("b", token[0], address)) {
                    fromBundle++;
                } else {
                    workaround("the restore did not put " + address + " into the standby's subscribers: the drill adds it through the admin API");
                    addSubscriber("b", token[0], address);
                }
            }
            if (fromBundle == 0 && restoredSubscribers(dataB).isEmpty()) {
                workaround("the decrypted contacts bundle held no subscriber: the drill adds the primary's subscriber to the standby"
                        + " through the admin API");
                addSubscriber("b", token[0], SUBSCRIBER);
            }
            return fromBundle + " subscriber(s) from the bundle";
        }, Duration.ofSeconds(1), true);
        step("quorum", "agents in B and C reached the quorum: outage declared on the standby", this::outageDeclared, Duration.ofSeconds(180));
        step("notice", "first notice published on the standby (admin API, token)", () -> publishNotice(token[0]), Duration.ofSeconds(1));
        step("mirrors", "both mirrors serve the notice", () -> mirrorServes("b", "api/v2/incidents.json", marker) && mirrorServes("c", "api/v2/incidents.json", marker)
                ? "mirror-b and mirror-c list it in /api/v2/incidents.json" : null, Duration.ofSeconds(60));
        step("mail", "subscriber's mail received by the relay in B", () -> relayMail().isEmpty() ? null : relayMail().size() + " message(s) with the notice",
                Duration.ofSeconds(90));
        step("customer_read", "customer read the notice from mirror C", this::customerReads, Duration.ofSeconds(30));
    }

    /** Runs {@code action} until it answers non-null or {@code limit} passes; records the step. Skips when an earlier step failed. */
    private boolean step(String key, String title, Supplier<String> action, Duration limit) {
        return step(key, title, action, limit, true);
    }

    /** As above; a step that is not {@code critical} may fail while the drill goes on (its failure stays in the report). */
    private boolean step(String key, String title, Supplier<String> action, Duration limit, boolean critical) {
        if (closed && !stopped) {
            stopped = true;
            steps.add(new Step(key, title, false, 0, 0, "interrupted"));
            say(String.format("[     -  ] %-72s INTERRUPTED", title));
            return false;
        }
        if (stopped) {
            steps.add(new Step(key, title, false, 0, 0, "not reached"));
            say(String.format("[     -  ] %-72s NOT REACHED", title));
            return false;
        }
        long start = System.nanoTime();
        String[] detail = new String[1];
        String failure = null;
        try {
            boolean ok = waitUntil(limit, () -> (detail[0] = action.get()) != null);
            if (!ok) failure = "not within " + limit.toSeconds() + " s";
        } catch (DrillException e) {
            failure = e.getMessage();
        }
        long end = System.nanoTime();
        double own = (end - start) / 1e9;
        double since = (end - cutAt) / 1e9;
        boolean ok = failure == null;
        steps.add(new Step(key, title, ok, own, since, ok ? detail[0] : failure));
        say(String.format("[%6.1f s] %-72s %s (%.1f s)%s", since, title, ok ? "ok" : "FAILED", own,
                ok ? (detail[0] == null || detail[0].isEmpty() ? "" : ": " + detail[0]) : ": " + failure));
        if (!ok && critical) stopped = true;
        return ok;
    }

    private String restore(Path dataB) {
        Shell.Result r = Shell.run(Duration.ofSeconds(120), null, inNamespace("b", noroshi(List.of("restore", "--config", config().toString(),
                "--data", dataB.toString(), "--from", "http://" + DrillNetwork.address("c") + "/", "--identity", identity().toString()))));
        if (r.output().contains("Unmatched argument") || r.output().contains("Unknown")) {
            throw new DrillException("this build has no `noroshi restore` (the mirrors branch's standby restore is missing)");
        }
        if (!r.ok()) throw new DrillException("noroshi restore failed (exit " + r.exit() + "): " + r.output().strip());
        return String.join("; ", r.output().strip().lines().filter(l -> l.startsWith("restored") || l.startsWith("decrypted")).toList());
    }

    private String outageDeclared() {
        Shell.Result r = curl("b", hubUrl("b") + "api/v2/components.json");
        if (!r.ok()) return null;
        try {
            var down = new ArrayList<String>();
            for (JsonNode c : json.readTree(r.output()).path("components")) {
                if (c.path("status").asText().equals("major_outage")) down.add(c.path("name").asText());
            }
            return down.size() == 3 ? "major_outage: " + String.join(", ", down) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private String publishNotice(String token) {
        String body = """
                {"name": "Site A unreachable (%1$s)", "impact": "major", "status": "investigating",
                 "body": "DNS, web and mail at our primary site are unreachable (%1$s). We are working on it; next update in 30 minutes.",
                 "affected_components": [{"id": "dns", "status": "major_outage"}, {"id": "web", "status": "major_outage"}, {"id": "mail", "status": "major_outage"}],
                 "notify": true}
                """.formatted(marker);
        Shell.Result r = Shell.run(Duration.ofSeconds(30), body, inNamespace("b", List.of("curl", "-sS", "--max-time", "20", "-o", "/dev/null",
                "-w", "%{http_code}", "-H", "@" + apiHeaders("b", token), "--data-binary", "@-", hubUrl("b") + "api/admin/v1/incidents")));
        if (!r.ok() || !r.output().strip().startsWith("2")) throw new DrillException("the admin API answered " + r.output().strip());
        return "incident \"Site A unreachable (" + marker + ")\" (HTTP " + r.output().strip() + ")";
    }

    private String customerReads() {
        Shell.Result r = curl("cust", "http://" + DrillNetwork.address("c") + "/");
        if (r.ok() && r.output().contains(marker)) {
            customerRead = r.output();
            return "http://10.213.0.3/ shows \"Site A unreachable (" + marker + ")\"";
        }
        return null;
    }

    private void bringSiteABack() {
        if (cutAt == 0 || closed) return;
        try {
            network.restore("a");
            if (hubA != null && hubA.process().isAlive()) children.signal(hubA, "CONT");
            say("site A brought back (link up, primary hub resumed)");
        } catch (DrillException e) {
            say("site A could not be brought back: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- helpers

    private String operatorToken(Path data, String site, String scope) {
        String password = HexFormat.of().formatHex(random(12));
        Shell.Result created = Shell.run(Duration.ofSeconds(90), password + "\n" + password + "\n",
                noroshi(List.of("admin", "create", "--data", data.toString(), "--email", OPERATOR)));
        if (!created.ok()) throw new DrillException("noroshi admin create on site " + site + " failed: " + created.output().strip());
        Shell.Result token = Shell.run(Duration.ofSeconds(90), null,
                noroshi(List.of("admin", "token", "--data", data.toString(), "--email", OPERATOR, "--name", "drill", "--scope", scope)));
        if (!token.ok()) throw new DrillException("noroshi admin token on site " + site + " failed: " + token.output().strip());
        return token.output().lines().filter(l -> l.startsWith("nrs_")).findFirst()
                .orElseThrow(() -> new DrillException("noroshi admin token printed no token: " + token.output().strip()));
    }

    /**
     * The subscribers' addresses {@code noroshi restore --identity} decrypted into {@code restored-contacts.json}
     * (it does not import them into the standby's database: the operator does, here through the admin API).
     */
    private static List<String> restoredSubscribers(Path data) {
        Path file = data.resolve("restored-contacts.json");
        if (!Files.isRegularFile(file)) return List.of();
        try {
            return io.noroshi.contacts.ContactsBundle.read(Files.readAllBytes(file)).stream()
                    .filter(c -> c.kind().equals("subscriber") && !c.email().isEmpty()).map(io.noroshi.contacts.Contact::email).toList();
        } catch (IOException | RuntimeException e) {
            throw new DrillException("cannot read the restored contacts " + file + ": " + e.getMessage());
        }
    }

    /** Whether the hub of {@code site} lists {@code address} among its subscribers (admin API). */
    private boolean hasSubscriber(String site, String token, String address) {
        Shell.Result r = Shell.run(Duration.ofSeconds(30), null, inNamespace(site, List.of("curl", "-sS", "--max-time", "20", "-H",
                "@" + apiHeaders(site, token), hubUrl(site) + "api/admin/v1/subscribers?q="
                        + java.net.URLEncoder.encode(address, java.nio.charset.StandardCharsets.UTF_8))));
        if (!r.ok()) throw new DrillException("listing the subscribers on site " + site + ": " + r.output().strip());
        return r.output().contains("\"" + address + "\"");
    }

    private void addSubscriber(String site, String token, String address) {
        String body;
        try {
            body = json.writeValueAsString(Map.of("kind", "email", "address", address, "lang", "en", "components", List.of()));
        } catch (IOException e) {
            throw new DrillException(e.getMessage());
        }
        Shell.Result r = Shell.run(Duration.ofSeconds(30), body, inNamespace(site, List.of("curl", "-sS", "--max-time", "20", "-o", "/dev/null",
                "-w", "%{http_code}", "-H", "@" + apiHeaders(site, token), "--data-binary", "@-", hubUrl(site) + "api/admin/v1/subscribers")));
        if (!r.ok() || !r.output().strip().startsWith("2")) throw new DrillException("adding the subscriber on site " + site + ": HTTP " + r.output().strip());
    }

    private Children.Child startHub(String name, String site, Path data) {
        return children.start(name, site, work.resolve(site + "/" + name + ".log"), Map.of(), noroshi(List.of("serve", "--config", config().toString(),
                "--data", data.toString(), "--bind", DrillNetwork.address(site), "--port", HUB_PORT)));
    }

    private boolean awaitHub(String site, Duration limit) {
        return waitUntil(limit, () -> reachable(site, hubUrl(site) + "api/v2/status.json", 3));
    }

    private boolean mirrorServes(String site, String path, String needle) {
        Shell.Result r = curl("cust", "http://" + DrillNetwork.address(site) + "/" + path);
        return r.ok() && (needle == null || r.output().contains(needle));
    }

    private boolean reachable(String from, String url, int seconds) {
        return Shell.run(Duration.ofSeconds(10), null, inNamespace(from, List.of("curl", "-sf", "--max-time", Integer.toString(seconds), "-o", "/dev/null", url))).ok();
    }

    private Shell.Result curl(String from, String url) {
        return Shell.run(Duration.ofSeconds(15), null, inNamespace(from, List.of("curl", "-sf", "--max-time", "5", url)));
    }

    /** Whether the contacts bundle served by {@code site}'s mirror, decrypted with the operator's key, lists {@code email}. */
    private boolean bundleHolds(String site, String email) {
        Path copy = work.resolve("bundle-check.age");
        Shell.Result r = Shell.run(Duration.ofSeconds(15), null, inNamespace("cust", List.of("curl", "-sf", "--max-time", "5", "-o", copy.toString(),
                "http://" + DrillNetwork.address(site) + "/" + io.noroshi.contacts.ContactsBundle.FILE)));
        if (!r.ok()) return false;
        try {
            var identities = io.noroshi.contacts.AgeKeys.identities(identity().toString(), Files.readString(identity(), StandardCharsets.UTF_8));
            byte[] plain = io.noroshi.contacts.AgeFormat.decrypt(Files.readAllBytes(copy), identities);
            return io.noroshi.contacts.ContactsBundle.read(plain).stream().anyMatch(c -> c.email().equals(email));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The admin API's headers in a file only root reads, so the token never shows in a process list. */
    private Path apiHeaders(String site, String token) {
        Path file = work.resolve(site + "/api-headers");
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, "Authorization: Bearer " + token + "\nContent-Type: application/json\n");
        } catch (IOException e) {
            throw new DrillException("cannot write " + file + ": " + e.getMessage());
        }
        return file;
    }

    /** Files the relay in B received that carry this run's notice. */
    private List<String> relayMail() {
        var found = new ArrayList<String>();
        try (var files = Files.list(relayDir())) {
            for (Path f : files.toList()) {
                String text = readQuietly(f);
                if (text.contains(marker)) found.add(text);
            }
        } catch (IOException e) {
            // no mail yet
        }
        return found;
    }

    private static List<String> inNamespace(String site, List<String> command) {
        var full = new ArrayList<>(List.of("ip", "netns", "exec", DrillNetwork.namespace(site)));
        full.addAll(command);
        return full;
    }

    /** {@code noroshi ARGS} as a child JVM on this JVM's class path. */
    private static List<String> noroshi(List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.noroshi.cli.Main"));
        command.addAll(args);
        return command;
    }

    private static String hubUrl(String site) {
        return "http://" + DrillNetwork.address(site) + ":" + HUB_PORT + "/";
    }

    private Path config() {
        return work.resolve("noroshi.yaml");
    }

    private Path mirrorDir(String site) {
        return work.resolve(site + "/mirror");
    }

    private Path relayDir() {
        return work.resolve("b/relay-mail");
    }

    private void workaround(String text) {
        workarounds.add(text);
        say("WORKAROUND: " + text);
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    private static boolean waitUntil(Duration limit, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (condition.getAsBoolean()) return true;
            if (System.nanoTime() >= deadline || Thread.currentThread().isInterrupted()) return false;
            sleep(Duration.ofMillis(500));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static String token() {
        return "drill-" + HexFormat.of().formatHex(random(16));
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops every child by its PID and removes every namespace; safe to call twice and from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        children.close();
        network.close();
    }
}
