package io.noroshi.comms;

import io.noroshi.config.Text;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The update texts the hub drafts, by phase, in English and Japanese, with {placeholders} filled in.
 * The defaults pass the update lint; a config may replace any of them.
 */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]*)}");

    /** The built-in texts; each says what is affected, since when, what is known about data, and when the next update comes. */
    public static final Map<String, Text> DEFAULTS = Map.of(
            "first_notice", Text.of(
                    "Since {since}, {components} cannot be used or are failing for users. We are investigating; we do not know yet whether data is"
                            + " affected and will say so as soon as we do. There is no workaround yet. Next update by {next_update}.",
                    "{since}頃から、{components}がご利用いただけない、またはエラーが発生している状態です。現在調査中です。データへの影響は確認中で、"
                            + "分かり次第お知らせします。現時点で回避策はありません。次回の更新は{next_update}までに行います。"),
            "investigating", Text.of(
                    "Users of {components} cannot complete their work since {since}. We are investigating. There is no workaround yet."
                            + " Next update by {next_update}.",
                    "{since}頃から、{components}をご利用のお客様が操作を完了できない状態です。現在調査中です。現時点で回避策はありません。"
                            + "次回の更新は{next_update}までに行います。"),
            "identified", Text.of(
                    "We have found the cause of the problem with {components} and are fixing it. Users still cannot use it; there is no workaround yet."
                            + " Next update by {next_update}.",
                    "{components}の問題の原因を特定し、修正しています。引き続きご利用いただけない状態で、現時点で回避策はありません。"
                            + "次回の更新は{next_update}までに行います。"),
            "monitoring", Text.of(
                    "A fix is in place and users can use {components} again. We are watching it closely. Next update by {next_update}.",
                    "修正を適用し、{components}を再びご利用いただけるようになりました。引き続き状況を注視します。次回の更新は{next_update}までに行います。"),
            "resolved", Text.of(
                    "This incident is resolved: {components} is fully restored for all users. No data was lost. If you still see a problem,"
                            + " please try again or contact support.",
                    "本障害は解消しました。{components}はすべてのお客様で完全に復旧しています。データの消失はありません。問題が続く場合は、"
                            + "再度お試しいただくか、サポートまでお問い合わせください。"));

    private Templates() {
    }

    /** The placeholders in {@code text} that are not one of {@link CommunicationSettings#PLACEHOLDERS}. */
    public static Set<String> unknownPlaceholders(String text) {
        var unknown = new LinkedHashSet<String>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!CommunicationSettings.PLACEHOLDERS.contains(m.group(1))) unknown.add(m.group(1));
        }
        return unknown;
    }

    /** {@code template} with each {name} replaced by its value; a name without a value is left as written. */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        m.appendTail(out);
        return out.toString();
    }
}
