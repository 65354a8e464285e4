package io.noroshi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.component.ComponentStatus;
import io.noroshi.incident.IncidentStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin pages' words: every key in both languages, Japanese that is Japanese, refusals carried over, the language rule. */
class AdminTextTest {

    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    /** Texts that are the same in both languages or name the other language. */
    private static final Set<String> NOT_JAPANESE = Set.of("language.other", "word.kind_webhook", "notice.list_separator");
    private static final Pattern KEY_USE = Pattern.compile("(?:chrome\\.t|\\.t|gate\\.chrome\\(ctx,|loginChrome\\(ctx,)\\s*\\(?\"([a-z_]+\\.[a-z_.]+)\"");

    @Test
    void bothLanguagesHaveEveryKeyAndJapaneseIsJapanese() {
        var en = AdminText.load("en");
        var ja = AdminText.load("ja");
        assertThat(new TreeSet<>(ja.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            if (NOT_JAPANESE.contains(key)) continue;
            assertThat(ja.getProperty(key)).as(key).containsPattern(JAPANESE);
            assertThat(ja.getProperty(key)).as(key).isNotEqualTo(en.getProperty(key));
            // the same arguments in both
            assertThat(args(ja.getProperty(key))).as(key).isEqualTo(args(en.getProperty(key)));
        }
    }

    @Test
    void everyKeyThePagesAndTheirClassesUseExists() throws IOException {
        var en = AdminText.load("en");
        var used = new TreeSet<String>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/jte/admin")), Files.walk(Path.of("src/main/java/io/noroshi")))) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".jte") || f.toString().endsWith(".java")).toList()) {
                var m = KEY_USE.matcher(Files.readString(file));
                while (m.find()) used.add(m.group(1));
            }
        }
        assertThat(used).contains("nav.incidents", "title.incidents", "notice.update_posted", "field.status");
        for (String key : used) assertThat(en.getProperty(key)).as(key).isNotNull();
    }

    @Test
    void statusNamesAreThePublicPagesWords() {
        var ja = AdminText.in("ja");
        assertThat(ja.status(IncidentStatus.INVESTIGATING)).isEqualTo("調査中");
        assertThat(ja.status(IncidentStatus.RESOLVED)).isEqualTo(ja.publicWords().get("incident.resolved"));
        assertThat(ja.status(ComponentStatus.PARTIAL_OUTAGE)).isEqualTo("一部障害");
        assertThat(AdminText.in("en").status(ComponentStatus.PARTIAL_OUTAGE)).isEqualTo("Partial outage");
        assertThat(ja.words("finding_open")).isEqualTo("未解決");
        assertThat(AdminText.in("en").words("something_new")).isEqualTo("Something new");
        assertThat(AdminText.in("xx").lang()).isEqualTo("en");
    }

    @Test
    void refusalsAreShownInThePagesLanguageWithTheirArguments() {
        var ja = AdminText.in("ja");
        assertThat(ja.refusal("an incident needs a name in en or ja")).isEqualTo("障害の名前を英語か日本語で入力してください");
        assertThat(ja.refusal("is longer than 20000 characters")).isEqualTo("20000 文字を超えています");
        assertThat(ja.refusal("estimate_at: is required")).isEqualTo("estimate_at: 入力してください");
        assertThat(ja.refusal("cannot update incident abc: it is resolved; allowed now: postmortem, reopened (reopen it, with a reason, to post updates again)"))
                .startsWith("障害 abc は resolved のため update できません").endsWith("（更新を投稿するには、理由を添えて再開してください）");
        assertThat(ja.refusal("no site or shared part with id 'x'; choose one below")).isEqualTo("site or shared part「x」は見つかりません。下から選んでください");
        assertThat(ja.refusal("first line known? no\nan update needs text in en or ja")).isEqualTo("first line known? no\n更新の本文を英語か日本語で入力してください");
        assertThat(AdminText.in("en").refusal("an incident needs a name in en or ja")).isEqualTo("an incident needs a name in en or ja");
        assertThat(ja.refusal(null)).isNull();
        assertThat(ja.refusal("language must be one of [en, ja], not 'fr'")).isEqualTo("言語は [en, ja] のいずれかにしてください（入力：'fr'）");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-|-|ja-JP,ja;q=0.9,en;q=0.8|ja",
            "-|-|en-US,en;q=0.9,ja;q=0.8|en",
            "-|-|fr-FR,ja;q=0.5,en;q=0.4|ja",
            "-|-|fr-FR|en",
            "-|-|-|en",
            "-|ja|en-US|ja",
            "en|ja|ja-JP|en",
            "xx|en|ja-JP|en",
            "xx|-|ja|ja",
    })
    void languageIsTheSwitchThenTheRememberedChoiceThenTheBrowser(String asked, String cookie, String accept, String expected) {
        assertThat(AdminLanguage.choose(asked, cookie, accept)).isEqualTo(expected);
    }

    private static Set<String> args(String text) {
        var found = new TreeSet<String>();
        var m = Pattern.compile("\\{\\d}").matcher(text);
        while (m.find()) found.add(m.group());
        return found;
    }
}
