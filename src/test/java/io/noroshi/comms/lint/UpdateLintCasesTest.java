package io.noroshi.comms.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lint against the labelled tuning cases in {@code src/test/resources/lint/cases*.yaml}: the first
 * two files case by case (every case gets exactly the rules it is labelled with), all of them rule by rule
 * (recall and false flags within the targets in both languages). The held-out file is not
 * asserted here beyond its size; bench/lint reports how the lint does on it.
 */
class UpdateLintCasesTest {

    private static final UpdateLint LINT = new UpdateLint();
    static final List<String> TUNING_FILES = List.of("cases.yaml", "cases-2.yaml", "cases-3.yaml", "cases-4.yaml", "cases-5.yaml");
    /** The files every case of which the lint gets exactly right; the later ones are judged per rule. */
    static final List<String> EXACT_FILES = List.of("cases.yaml", "cases-2.yaml");
    static final String HELD_OUT_FILE = "holdout.yaml";
    static final int CASES_PER_RULE = 30;

    static List<LintCase> tuningCases() throws IOException {
        return read(TUNING_FILES);
    }

    static List<LintCase> read(List<String> files) throws IOException {
        var all = new ArrayList<LintCase>();
        for (String file : files) all.addAll(read(file));
        return all;
    }

    static List<LintCase> read(String file) throws IOException {
        try (InputStream in = UpdateLintCasesTest.class.getResourceAsStream("/lint/" + file)) {
            return LintCases.read(in, file);
        }
    }

    static Stream<Arguments> cases() throws IOException {
        return read(EXACT_FILES).stream().map(c -> Arguments.of(c.id(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsExactlyTheLabelledRules(String id, LintCase c) {
        var found = LINT.check(c.update()).stream().map(Finding::rule).collect(Collectors.toSet());
        assertThat(found).as("rules found on %s", id).containsExactlyInAnyOrderElementsOf(c.expected());
    }

    @Test
    void everyRuleMeetsTheTargetsOnTheTuningCasesInBothLanguages() throws IOException {
        var score = LintScore.of(LINT, tuningCases());
        assertThat(score.tallies()).hasSize(UpdateLint.RULES.size() * DraftUpdate.LANGUAGES.size()).allSatisfy(t -> {
            assertThat(t.recall()).as("recall of %s in %s", t.rule(), t.language()).isGreaterThanOrEqualTo(0.9);
            assertThat(t.falseFlagRate()).as("false flags of %s in %s", t.rule(), t.language()).isLessThanOrEqualTo(0.1);
        });
    }

    @Test
    void everyRuleHasThirtyPositiveAndNegativeCasesInBothLanguages() throws IOException {
        var files = new ArrayList<>(TUNING_FILES);
        files.add(HELD_OUT_FILE);
        var cases = read(files);
        for (String language : DraftUpdate.LANGUAGES) {
            for (String rule : UpdateLint.RULES) {
                long positives = cases.stream().filter(c -> c.update().language().equals(language) && c.expected().contains(rule)).count();
                long negatives = cases.stream().filter(c -> c.update().language().equals(language) && !c.expected().contains(rule)).count();
                assertThat(positives).as("%s cases breaking %s", language, rule).isGreaterThanOrEqualTo(CASES_PER_RULE);
                assertThat(negatives).as("%s cases keeping %s", language, rule).isGreaterThanOrEqualTo(CASES_PER_RULE);
            }
        }
    }

    @Test
    void findingsSpeakTheOperatorsLanguage() {
        var ja = LINT.check(DraftUpdate.of("ja", io.noroshi.incident.IncidentStatus.INVESTIGATING, "調査中です。"));
        assertThat(ja).isNotEmpty().allSatisfy(f -> {
            assertThat(f.message()).containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
            assertThat(f.suggestion()).containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
        });
        var en = LINT.check(DraftUpdate.of("en", io.noroshi.incident.IncidentStatus.INVESTIGATING, "We are investigating."));
        assertThat(en).isNotEmpty().allSatisfy(f -> assertThat(f.message()).doesNotContainPattern("[\\p{IsHiragana}\\p{IsHan}]"));
        assertThat(en.stream().map(Finding::rule)).containsExactly("impact", "scope", "next-update", "workaround");
    }

    @Test
    void structuredFieldsSatisfyTheirRules() {
        var text = "Customers cannot log in to the dashboard. We expect logins to work again by 15:00. There is no workaround.";
        var bare = new DraftUpdate("en", io.noroshi.incident.IncidentStatus.IDENTIFIED, text, "", java.util.Optional.empty(), false, false, 700, List.of());
        assertThat(LINT.check(bare).stream().map(Finding::rule)).containsExactly("next-update", "eta-confidence");
        var structured = new DraftUpdate("en", io.noroshi.incident.IncidentStatus.IDENTIFIED, text, "", java.util.Optional.empty(), true, true, 700, List.of());
        assertThat(LINT.check(structured)).isEmpty();
    }
}
