package io.noroshi.comms.lint;

/** Wordings of a time of day or a span, shared by the rules that look for a promised time. */
final class Times {

    /** 14:30, 2pm, 2:30 p.m., noon, in 30 minutes, within the hour, one hour. */
    static final Terms EN = Terms.any(
            Terms.pattern("\\b\\d{1,2}[:.]\\d{2}\\b"),
            Terms.words("\\d{1,2}\\s?(?:a\\.?m\\.?|p\\.?m\\.?)|noon|midday|midnight|end of (?:the )?day|tonight|this (?:morning|afternoon|evening)"
                    + "|tomorrow|\\d+\\s*(?:minutes?|mins?|hours?|hrs?)|(?:half an|an|one|two|three|the) hours?|(?:ten|fifteen|twenty|thirty|forty|sixty) minutes"));

    /** 15:30, 16時, 30分後, 正午, 1時間以内, 本日中. */
    static final Terms JA = Terms.any(
            Terms.pattern("[0-9０-９]{1,2}[:：][0-9０-９]{2}|[0-9０-９一二三四五六七八九十]+\\s*(?:時|分|時間)|正午|本日中|今夜|明朝|午前中|夕方"));

    static Terms in(String language) {
        return language.equals("ja") ? JA : EN;
    }

    private Times() {
    }
}
