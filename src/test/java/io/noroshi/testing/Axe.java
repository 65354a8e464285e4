package io.noroshi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.stream.Collectors;

/** axe-core's accessibility rules (WCAG 2.x A and AA, and best practices) run in a page a test has open. */
public final class Axe {

    private Axe() {
    }

    /** Fails with each violated rule, its help text and the elements it found, when the page has any. */
    public static void assertNoViolations(Page page) {
        var violations = new AxeBuilder(page).analyze().getViolations();
        assertThat(violations).as(() -> page.url() + " has accessibility violations:\n" + violations.stream().map(Axe::describe)
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    private static String describe(Rule rule) {
        return "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "));
    }
}
