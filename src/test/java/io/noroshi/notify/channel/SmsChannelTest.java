package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmsChannelTest {

    private static final String LINK = "https://status.example.jp/incidents/42";

    @Test
    void postsAFormToTheTwilioMessagesResourceWithBasicAuth() throws Exception {
        try (ServiceStub twilio = ServiceStub.start().answerByDefault(ServiceStub.Answer.of(201, "{\"sid\":\"SM1\"}"))) {
            KindFixtures.of("sms", twilio.baseUrl()).create().send(Notices.english(), Optional.of("+819012345678"), "d-1");

            ServiceStub.Received request = twilio.only();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/AC0123456789abcdef/Messages.json");
            assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
            assertThat(request.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString(("AC0123456789abcdef:" + KindFixtures.TOKEN).getBytes(StandardCharsets.UTF_8)));
            Map<String, String> form = request.form();
            assertThat(form.keySet()).containsExactly("To", "From", "Body");
            assertThat(form.get("To")).isEqualTo("+819012345678");
            assertThat(form.get("From")).isEqualTo("+15005550006");
            String text = form.get("Body");
            assertThat(SmsText.isGsm7(text)).isTrue();
            assertThat(text.length()).isLessThanOrEqualTo(160).isGreaterThan(140);
            assertThat(text).startsWith("[Sakura Hosting] Major outage: Mail is delayed\nStatus: Investigating We are")
                    .endsWith("...\n" + LINK);
        }
    }

    @Test
    void japaneseTextFitsSeventyUcs2Characters() throws Exception {
        try (ServiceStub twilio = ServiceStub.start()) {
            KindFixtures.of("sms", twilio.baseUrl()).create().send(Notices.japanese(), Optional.of("+819012345678"), "d-1");

            String text = twilio.only().form().get("Body");
            assertThat(SmsText.isGsm7(text)).isFalse();
            assertThat(text.length()).isLessThanOrEqualTo(70);
            assertThat(text).startsWith("[さくらホスティング]").endsWith("\n" + LINK);
        }
    }

    @Test
    void withoutARecipientTextsTheConfiguredListAndARetrySkipsNumbersAlreadyDone() throws Exception {
        try (ServiceStub twilio = ServiceStub.start()) {
            KindFixtures.Fixture fixture = KindFixtures.of("sms", twilio.baseUrl());
            Map<String, String> values = new HashMap<>(fixture.values());
            values.put("to", "+819011110001, +819011110002,+819011110003");
            Channel channel = new KindFixtures.Fixture("sms", values, fixture.environment(), Optional.empty(),
                    fixture.secrets()).create();
            twilio.answer(ServiceStub.Answer.of(201, "{}"), ServiceStub.Answer.of(500, "{}"));

            DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                    () -> channel.send(Notices.english(), Optional.empty(), "d-9"));
            assertThat(failure.retryable()).isTrue();
            channel.send(Notices.english(), Optional.empty(), "d-9");

            List<String> numbers = twilio.received().stream().map(r -> r.form().get("To")).toList();
            assertThat(numbers).containsExactly("+819011110001", "+819011110002", "+819011110002", "+819011110003");
        }
    }

    @Test
    void aMalformedNumberIsRefusedWithoutRepeatingIt() {
        try (ServiceStub twilio = ServiceStub.start()) {
            DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                    () -> KindFixtures.of("sms", twilio.baseUrl()).create().send(Notices.english(), Optional.of("090-1234-5678"), "d"));
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.getMessage()).isEqualTo("sms: the recipient is not an E.164 number").doesNotContain("1234");
            assertThat(twilio.received()).isEmpty();
        }
    }

    @Test
    void configProblemsNameTheKey() {
        MapChannelSettings settings = new MapChannelSettings("sms", Map.of("to", "+15551234567,12345", "auth_token", "x"), Map.of());
        SmsChannel.create(settings, KindFixtures.client());
        assertThat(settings.problems()).containsExactlyInAnyOrder("account_sid: required",
                "auth_token: a secret is never written in the config: use auth_token_env or auth_token_file",
                "from: required: the sending number (E.164), or messaging_service_sid instead",
                "to: entry 2 is not an E.164 number such as +15551234567");
    }
}
