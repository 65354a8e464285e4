package io.noroshi.config;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

/**
 * The {@code page:} section: how the public status page presents itself.
 *
 * @param name            the organisation or product name shown in the header
 * @param url             the public URL of the status page (used in feeds and the API's page object)
 * @param timeZone        the zone times are shown in
 * @param languages       languages offered, a subset of {@link #SUPPORTED_LANGUAGES}, default language first
 * @param defaultLanguage the language served when the reader expresses no preference
 * @param description     one line under the name
 */
public record PageSettings(String id, String name, URI url, ZoneId timeZone, List<String> languages,
                           String defaultLanguage, Text description) {

    public static final List<String> SUPPORTED_LANGUAGES = List.of("en", "ja");
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("UTC");
    public static final URI DEFAULT_URL = URI.create("http://127.0.0.1:8080/");

    public PageSettings {
        languages = List.copyOf(languages);
        description = description == null ? Text.EMPTY : description;
    }
}
