package io.noroshi.statuspage.api;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Escapes {@code < > & '} and the JavaScript line separators as {@code \}{@code uXXXX}, as Rails
 * (and so Atlassian) does: JSON stays valid and round-trips, but an incident named
 * {@code <script>} can never become markup if a client pastes the JSON into a page.
 */
final class HtmlSafeEscapes extends CharacterEscapes {

    private final int[] ascii;

    HtmlSafeEscapes() {
        ascii = standardAsciiEscapesForJSON();
        for (char c : new char[] {'<', '>', '&', '\''}) ascii[c] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
}
