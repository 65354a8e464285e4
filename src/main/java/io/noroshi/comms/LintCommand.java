package io.noroshi.comms;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.comms.lint.DraftUpdate;
import io.noroshi.comms.lint.Finding;
import io.noroshi.comms.lint.LintCases;
import io.noroshi.comms.lint.LintScore;
import io.noroshi.comms.lint.UpdateLint;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code noroshi lint}: checks an update's text before it is published. Exit 0 when clean, 1 with
 * findings, 3 on bad usage (an unknown option or value, a file that cannot be read).
 */
@Command(name = "lint", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = LintCommand.BAD_USAGE,
        description = {"Check an incident update before publishing: impact, scope, data safety, next update, workaround, jargon,",
                "progress since the previous update, estimate confidence, a complete resolution, length. English and Japanese.",
                "Exit 0 when clean, 1 with findings, 3 on bad usage."})
public final class LintCommand implements Callable<Integer> {

    static final int BAD_USAGE = 3;

    @Option(names = "--lang", defaultValue = "en", description = "The update's language, and the findings': en or ja (default en).")
    String lang;

    @Option(names = "--status", defaultValue = "investigating", description = "The status the update sets: investigating, identified, monitoring, resolved.")
    String status;

    @Option(names = "--previous", paramLabel = "FILE", description = "The previous update's text, to find an update that says nothing new.")
    Path previous;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Option(names = "--impact", description = "The incident's impact (none, minor, major, critical): a major outage needs data safety early.")
    String impact;

    @Option(names = "--next-update-by", paramLabel = "TIME", description = "The structured next-update time is set (satisfies next-update).")
    String nextUpdateBy;

    @Option(names = "--estimate", paramLabel = "CONFIDENCE", description = "A structured estimate is set with this confidence: low, medium, high, unknown.")
    String estimate;

    @Option(names = "--max-length", description = "The most characters the channels take (default 700 en, 350 ja).")
    Integer maxLength;

    @Option(names = "--component", paramLabel = "NAME", description = "A component name readers know (repeatable; satisfies scope).")
    List<String> components = List.of();

    @Option(names = "--cases", paramLabel = "FILE", description = "Score the lint on a labelled case file instead: recall and false flags per rule.")
    Path cases;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "The update's text (default: standard input).")
    String file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (cases != null) return score(out);
            DraftUpdate update = draft();
            List<Finding> findings = new UpdateLint().check(update);
            if (format.equals("json")) {
                out.println(new ObjectMapper().writeValueAsString(Map.of("findings", findings.stream().map(LintCommand::wire).toList())));
            } else {
                for (Finding f : findings) out.printf("%s [%s] %s%n    %s%n", f.rule(), f.severity().wire(), f.message(), f.suggestion());
                if (findings.isEmpty()) out.println(update.japanese() ? "問題は見つかりませんでした。" : "No findings.");
            }
            return findings.isEmpty() ? 0 : 1;
        } catch (Usage e) {
            err.println("noroshi lint: " + e.getMessage());
            return BAD_USAGE;
        } catch (IOException e) {
            err.println("noroshi lint: cannot read " + e.getMessage());
            return BAD_USAGE;
        }
    }

    private DraftUpdate draft() throws IOException {
        if (!DraftUpdate.LANGUAGES.contains(lang)) throw new Usage("--lang must be en or ja, not '" + lang + "'");
        if (!format.equals("text") && !format.equals("json")) throw new Usage("--format must be text or json, not '" + format + "'");
        IncidentStatus parsedStatus = choice("--status", status, IncidentStatus::fromWire, List.of("investigating", "identified", "monitoring", "resolved"));
        Optional<Impact> parsedImpact = impact == null ? Optional.empty()
                : Optional.of(choice("--impact", impact, Impact::fromWire, List.of("none", "minor", "major", "critical")));
        if (estimate != null) choice("--estimate", estimate, s -> s, List.of("low", "medium", "high", "unknown"));
        if (nextUpdateBy != null && !nextUpdateBy.matches("\\d{1,2}:\\d{2}|\\d{4}-\\d{2}-\\d{2}T.+")) {
            throw new Usage("--next-update-by must be HH:MM or an ISO-8601 time, not '" + nextUpdateBy + "'");
        }
        if (maxLength != null && maxLength < 1) throw new Usage("--max-length must be positive");
        String text = file == null || file.equals("-") ? read(System.in) : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        String before = previous == null ? "" : Files.readString(previous, StandardCharsets.UTF_8);
        return new DraftUpdate(lang, parsedStatus, text.strip(), before.strip(), parsedImpact, nextUpdateBy != null, estimate != null,
                maxLength == null ? DraftUpdate.of(lang, parsedStatus, "").maxLength() : maxLength, components);
    }

    private int score(PrintWriter out) throws IOException {
        LintScore score;
        double warmMs;
        try (InputStream in = Files.newInputStream(cases)) {
            var lint = new UpdateLint();
            var all = LintCases.read(in, cases.toString());
            score = LintScore.of(lint, all);
            // again, once the dictionaries are loaded and the code compiled: the fastest of three passes, since a shared
            // machine's other work only ever adds time
            warmMs = Double.MAX_VALUE;
            for (int pass = 0; pass < 3; pass++) warmMs = Math.min(warmMs, LintScore.of(lint, all).msPerUpdate());
        } catch (IllegalArgumentException e) {
            throw new Usage(e.getMessage());
        }
        out.printf("%-20s %-4s %9s %6s %9s %11s%n", "rule", "lang", "positives", "recall", "negatives", "false flags");
        for (LintScore.Tally t : score.tallies()) {
            out.printf(Locale.ROOT, "%-20s %-4s %9d %6.2f %9d %11.2f%n", t.rule(), t.language(), t.positives(), t.recall(), t.negatives(), t.falseFlagRate());
        }
        for (LintScore.Miss m : score.misses()) out.printf("miss %s: expected %s, found %s%n", m.caseId(), m.expected(), m.found());
        out.printf(Locale.ROOT, "cases=%d min_recall=%.3f max_false_flag_rate=%.3f ms_per_update_first_pass=%.3f ms_per_update=%.3f%n", score.updates(),
                score.minRecall(), score.maxFalseFlagRate(), score.msPerUpdate(), warmMs);
        return 0;
    }

    private static <T> T choice(String option, String value, java.util.function.Function<String, T> parse, List<String> allowed) {
        if (!allowed.contains(value)) throw new Usage(option + " must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
        return parse.apply(value);
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    static Map<String, Object> wire(Finding f) {
        var map = new LinkedHashMap<String, Object>();
        map.put("rule", f.rule());
        map.put("severity", f.severity().wire());
        map.put("message", f.message());
        map.put("suggestion", f.suggestion());
        return map;
    }

    /** Bad usage: exit 3 with the message. */
    private static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message);
        }
    }
}
