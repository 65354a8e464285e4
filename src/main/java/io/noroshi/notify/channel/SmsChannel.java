package io.noroshi.notify.channel;

import io.noroshi.notify.Notice;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SMS through a Twilio-compatible REST API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json}, form-encoded
 * {@code To}, {@code From} (or {@code MessagingServiceSid}) and {@code Body}, with HTTP basic auth (account SID and
 * auth token). The text fits one message: 160 GSM 7-bit characters, or 70 when it needs UCS-2 (Japanese, emoji).
 *
 * <p>The number is the delivery's recipient (a subscriber); when there is none, the message goes to every number
 * of the configured {@code to} list in turn. A number that already took this delivery key is skipped on a retry
 * in the same process, so a failure on the third number does not text the first two again. Twilio has no
 * idempotency key: a retry after a lost answer may text a number twice.
 */
final class SmsChannel extends ServiceChannel {

    /** E.164: a plus, a country code and up to 15 digits. */
    static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final int REMEMBERED = 10_000;

    private final String baseUrl;
    private final String accountSid;
    private final String authToken;
    private final Optional<String> from;
    private final Optional<String> messagingServiceSid;
    private final List<String> to;
    private final ServiceCall call;
    /** Delivery key and number pairs already sent, so a retry of a list delivery skips them. */
    private final Set<String> sent = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }));

    private SmsChannel(ChannelSettings settings, HttpClient http) {
        super("sms", settings, http, new Limits(1, 1));
        this.baseUrl = baseUrl(settings, "https://api.twilio.com");
        this.accountSid = settings.required("account_sid");
        this.authToken = settings.secret("auth_token");
        this.from = settings.string("from");
        this.messagingServiceSid = settings.string("messaging_service_sid");
        if (from.isEmpty() && messagingServiceSid.isEmpty()) {
            settings.problem("from", "required: the sending number (E.164), or messaging_service_sid instead");
        }
        from.filter(number -> !E164.matcher(number).matches())
                .ifPresent(number -> settings.problem("from", "must be an E.164 number such as +15551234567"));
        List<String> numbers = new ArrayList<>();
        String[] listed = settings.string("to").orElse("").split(",");
        for (int i = 0; i < listed.length; i++) {
            String number = listed[i].strip();
            if (number.isEmpty()) continue;
            if (E164.matcher(number).matches()) numbers.add(number);
            else settings.problem("to", "entry " + (i + 1) + " is not an E.164 number such as +15551234567");
        }
        this.to = List.copyOf(numbers);
        this.call = new ServiceCall("sms", List.of(String.valueOf(authToken)), SmsChannel::twilioCode);
    }

    static Channel create(ChannelSettings settings, HttpClient http) {
        return new SmsChannel(settings, http);
    }

    @Override
    public void send(Notice notice, Optional<String> recipient, String deliveryKey) throws DeliveryException {
        List<String> numbers = recipient.map(List::of).orElse(to);
        if (numbers.isEmpty()) throw DeliveryException.permanent("sms: no recipient and no 'to' list configured", null);
        String text = text(notice);
        for (String number : numbers) {
            if (!E164.matcher(number).matches()) {
                throw DeliveryException.permanent("sms: the recipient is not an E.164 number", null);
            }
            if (sent.contains(deliveryKey + " " + number)) continue;
            Map<String, String> form = new LinkedHashMap<>();
            form.put("To", number);
            from.ifPresent(value -> form.put("From", value));
            messagingServiceSid.ifPresent(value -> form.put("MessagingServiceSid", value));
            form.put("Body", text);
            String credentials = Base64.getEncoder()
                    .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
            call.send(http, request(URI.create(baseUrl + "/2010-04-01/Accounts/"
                    + URLEncoder.encode(accountSid, StandardCharsets.UTF_8) + "/Messages.json"))
                    .header("Authorization", "Basic " + credentials)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(formEncoded(form))).build());
            sent.add(deliveryKey + " " + number);
        }
    }

    /** Headline, update and link in one message; "..." rather than "…" when the rest is GSM 7-bit. */
    static String text(Notice notice) {
        String headline = NoticeText.headline(notice);
        String body = NoticeText.statusAndBody(notice).replaceAll("\\s+", " ");
        String link = NoticeText.link(notice);
        String ellipsis = SmsText.isGsm7(headline + body + link) ? "..." : TextFit.ELLIPSIS;
        return TextFit.compose(headline, body, link, "\n", t -> t, SmsText::fitsOne, ellipsis);
    }

    static String formEncoded(Map<String, String> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((key, value) -> pairs.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    /** Twilio's numeric error code only: its message repeats the phone number. */
    private static Optional<String> twilioCode(com.fasterxml.jackson.databind.JsonNode answer) {
        return answer.path("code").isNumber() ? Optional.of("error " + answer.path("code").asText()) : Optional.empty();
    }
}
