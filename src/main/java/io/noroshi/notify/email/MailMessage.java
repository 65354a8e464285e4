package io.noroshi.notify.email;

import io.noroshi.notify.Notice;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;

/**
 * One notice as an e-mail (RFC 5322 + MIME): multipart text and HTML in the reader's language, a subject that
 * says the impact first, and the RFC 8058 one-click unsubscribe headers when the reader is a subscriber.
 */
final class MailMessage {

    private static final Base64.Encoder MIME = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII));

    private MailMessage() {
    }

    static String subject(Notice notice) {
        return notice.lang().equals("ja") ? notice.title() + " - " + notice.pageName() : "[" + notice.pageName() + "] " + notice.title();
    }

    /** One notice's text and HTML for every reader of its language; only the manage link differs between them. */
    record Bodies(String text, String html, String sender, String subjectAndDate) {
        static final URI LINK = URI.create("https://noroshi.invalid/manage-link");

        static Bodies of(Notice notice) {
            boolean ja = notice.lang().equals("ja");
            Notice shared = shared(notice);
            // The header fields every reader's copy shares, encoded once per notice and language.
            String subjectAndDate = "Subject: " + encodeWord(subject(notice)) + "\r\nDate: "
                    + DateTimeFormatter.RFC_1123_DATE_TIME.format(notice.at().atOffset(ZoneOffset.UTC)) + "\r\n";
            return new Bodies(MailMessage.text(shared, ja), MailMessage.html(shared, ja), encodeWord(notice.pageName()), subjectAndDate);
        }

        /** The cache key: the notice without its reader's link. */
        static Notice shared(Notice notice) {
            return notice.manageLink().isPresent() ? withLink(notice, LINK) : notice;
        }

        private static Notice withLink(Notice n, URI link) {
            return new Notice(n.event(), n.lang(), n.pageName(), n.title(), n.status(), n.impact(), n.body(), n.link(), n.at(), n.webhookJson(),
                    Optional.of(link));
        }

        String textFor(Optional<URI> link) {
            return link.map(l -> text.replace(LINK.toString(), l.toString())).orElse(text);
        }

        String htmlFor(Optional<URI> link) {
            return link.map(l -> html.replace(LINK.toString(), escape(l.toString()))).orElse(html);
        }
    }

    static byte[] render(Notice notice, String from, String to, String deliveryKey) {
        return render(notice, Bodies.of(notice), from, to, deliveryKey);
    }

    /** The message for one reader, from {@code bodies} rendered once for the notice's language. */
    static byte[] render(Notice notice, Bodies bodies, String from, String to, String deliveryKey) {
        String boundary = "noroshi-" + Integer.toHexString(deliveryKey.hashCode()) + "-alt";
        var m = new StringBuilder(4096);
        m.append("From: ").append(bodies.sender()).append(" <").append(from).append(">\r\n");
        m.append("To: <").append(to).append(">\r\n");
        m.append(bodies.subjectAndDate());
        // Stable across retries: a receiver that saw the message already can tell the repeat.
        m.append("Message-ID: <");
        for (int i = 0; i < deliveryKey.length(); i++) {
            char c = deliveryKey.charAt(i);
            m.append(c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '-') ? c : '.');
        }
        m.append("@noroshi>\r\n");
        m.append("MIME-Version: 1.0\r\n");
        m.append("Auto-Submitted: auto-generated\r\n");
        m.append("Content-Language: ").append(notice.lang()).append("\r\n");
        boolean confirming = notice.event() == Notice.Event.SUBSCRIPTION_CONFIRM;
        notice.manageLink().filter(l -> !confirming).ifPresent(link -> {
            m.append("List-Unsubscribe: <").append(link).append(">\r\n");
            m.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
        });
        m.append("Content-Type: multipart/alternative; boundary=\"").append(boundary).append("\"\r\n\r\n");
        part(m, boundary, "text/plain", bodies.textFor(notice.manageLink()));
        part(m, boundary, "text/html", bodies.htmlFor(notice.manageLink()));
        m.append("--").append(boundary).append("--\r\n");
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void part(StringBuilder m, String boundary, String type, String content) {
        m.append("--").append(boundary).append("\r\n");
        m.append("Content-Type: ").append(type).append("; charset=UTF-8\r\n");
        m.append("Content-Transfer-Encoding: base64\r\n\r\n");
        m.append(MIME.encodeToString(content.getBytes(StandardCharsets.UTF_8))).append("\r\n");
    }

    static String text(Notice notice, boolean ja) {
        var t = new StringBuilder();
        t.append(notice.title()).append("\n\n");
        notice.status().ifPresent(s -> t.append(s).append(ja ? "：" : ": "));
        t.append(notice.body()).append("\n\n");
        if (notice.event() == Notice.Event.SUBSCRIPTION_CONFIRM) {
            notice.manageLink().ifPresent(link -> t.append(ja ? "確認する: " : "Confirm: ").append(link).append("\n"));
            return t.toString().replace("\n", "\r\n");
        }
        t.append(ja ? "詳しくは: " : "Details: ").append(notice.link()).append("\n");
        notice.manageLink().ifPresent(link -> t.append("\n-- \n")
                .append(ja ? "受け取る内容の変更・配信停止: " : "Change what you receive or unsubscribe: ").append(link).append("\n"));
        return t.toString().replace("\n", "\r\n");
    }

    static String html(Notice notice, boolean ja) {
        var h = new StringBuilder("<!DOCTYPE html><html lang=\"").append(notice.lang()).append("\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(notice.title())).append("</title></head><body style=\"font-family:sans-serif\">");
        h.append("<h1 style=\"font-size:1.3em\">").append(escape(notice.title())).append("</h1>");
        notice.status().ifPresent(s -> h.append("<p><strong>").append(escape(s)).append("</strong></p>"));
        h.append("<p style=\"white-space:pre-wrap\">").append(escape(notice.body())).append("</p>");
        if (notice.event() == Notice.Event.SUBSCRIPTION_CONFIRM) {
            notice.manageLink().ifPresent(link -> h.append("<p><a href=\"").append(escape(link.toString())).append("\">")
                    .append(ja ? "購読を確認する" : "Confirm the subscription").append("</a></p>"));
            return h.append("</body></html>").toString();
        }
        h.append("<p><a href=\"").append(escape(notice.link().toString())).append("\">").append(ja ? "ステータスページで見る" : "See the status page")
                .append("</a></p>");
        Optional<URI> manage = notice.manageLink();
        manage.ifPresent(link -> h.append("<hr><p style=\"font-size:.9em\"><a href=\"").append(escape(link.toString())).append("\">")
                .append(ja ? "受け取る内容の変更・配信停止" : "Change what you receive or unsubscribe").append("</a></p>"));
        return h.append("</body></html>").toString();
    }

    static String escape(String s) {
        var out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** RFC 2047: a header text outside ASCII as UTF-8 base64 encoded-words. */
    static String encodeWord(String text) {
        if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) return text;
        var out = new StringBuilder();
        // Short words (at most 45 bytes each) keep every header line under 78 characters and never split a character.
        var chunk = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int n = ch.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > 45) {
                word(out, chunk);
                chunk.setLength(0);
                bytes = 0;
            }
            chunk.append(ch);
            bytes += n;
            i += Character.charCount(cp);
        }
        word(out, chunk);
        return out.toString();
    }

    private static void word(StringBuilder out, CharSequence chunk) {
        if (chunk.isEmpty()) return;
        if (!out.isEmpty()) out.append("\r\n ");
        out.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(chunk.toString().getBytes(StandardCharsets.UTF_8))).append("?=");
    }
}
