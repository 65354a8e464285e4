package io.noroshi.comms.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How well the lint does on labelled cases, per rule and language: recall (the share of updates
 * that break a rule that it flags) and false-flag rate (the share of updates that keep a rule that
 * it flags anyway), and the time it took per update.
 */
public final class LintScore {

    /** Counts for one rule in one language. */
    public record Tally(String rule, String language, int positives, int caught, int negatives, int falseFlags) {
        public double recall() {
            return positives == 0 ? 1.0 : (double) caught / positives;
        }

        public double falseFlagRate() {
            return negatives == 0 ? 0.0 : (double) falseFlags / negatives;
        }
    }

    /** One case the lint got wrong. */
    public record Miss(String caseId, Set<String> expected, Set<String> found) {
    }

    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<Miss> misses = new ArrayList<>();
    private long nanos;
    private int updates;

    /** Lints every case, timing only the lint itself. */
    public static LintScore of(UpdateLint lint, List<LintCase> cases) {
        var score = new LintScore();
        for (LintCase c : cases) {
            long start = System.nanoTime();
            List<Finding> findings = lint.check(c.update());
            score.nanos += System.nanoTime() - start;
            score.updates++;
            Set<String> found = findings.stream().map(Finding::rule).collect(Collectors.toSet());
            for (String rule : UpdateLint.RULES) {
                int[] t = score.counts.computeIfAbsent(rule + "/" + c.update().language(), k -> new int[4]);
                boolean expected = c.expected().contains(rule);
                boolean flagged = found.contains(rule);
                if (expected) {
                    t[0]++;
                    if (flagged) t[1]++;
                } else {
                    t[2]++;
                    if (flagged) t[3]++;
                }
            }
            if (!found.equals(c.expected())) score.misses.add(new Miss(c.id(), c.expected(), found));
        }
        return score;
    }

    public List<Tally> tallies() {
        return counts.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("/");
            int[] t = e.getValue();
            return new Tally(key[0], key[1], t[0], t[1], t[2], t[3]);
        }).toList();
    }

    public List<Miss> misses() {
        return List.copyOf(misses);
    }

    public double minRecall() {
        return tallies().stream().mapToDouble(Tally::recall).min().orElse(1.0);
    }

    public double maxFalseFlagRate() {
        return tallies().stream().mapToDouble(Tally::falseFlagRate).max().orElse(0.0);
    }

    public int updates() {
        return updates;
    }

    public double msPerUpdate() {
        return updates == 0 ? 0 : nanos / 1e6 / updates;
    }
}
