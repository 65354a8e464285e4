package io.noroshi.contacts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The parsed text header of an age v1 file, strictly as the specification's grammar allows:
 * a version line, one or more stanzas (arguments, then a body of 64-column base64 lines ending
 * with a shorter one), and the MAC line.
 *
 * @param macInput     the header bytes the MAC covers (up to and including "---")
 * @param payloadStart offset of the payload (the byte after the MAC line's newline)
 */
record AgeHeader(List<Stanza> stanzas, byte[] macInput, byte[] mac, int payloadStart) {

    record Stanza(List<String> args, byte[] body) {
    }

    static AgeHeader parse(byte[] file) {
        var in = new Lines(file);
        String version = in.line();
        if (version == null || !version.equals(AgeFormat.VERSION_LINE)) {
            throw header(version != null && version.startsWith("-----BEGIN AGE ENCRYPTED FILE-----")
                    ? "the file is ASCII-armored; decrypt it with age -d, or store it binary"
                    : "not an age file (it does not start with '" + AgeFormat.VERSION_LINE + "')");
        }
        var stanzas = new ArrayList<Stanza>();
        while (true) {
            int lineStart = in.at;
            String line = in.line();
            if (line == null) throw header("the header ends before its MAC line");
            if (line.startsWith("---")) {
                if (stanzas.isEmpty()) throw header("the header names no recipient");
                if (line.length() != 3 + 1 + 43 || line.charAt(3) != ' ') throw header("the MAC line is malformed");
                byte[] mac = base64(line.substring(4));
                if (mac.length != 32) throw header("the MAC line is malformed");
                return new AgeHeader(stanzas, Arrays.copyOf(file, lineStart + 3), mac, in.at);
            }
            if (!line.startsWith("-> ")) throw header("expected a recipient stanza ('-> ...') or the MAC line ('--- ...')");
            String[] args = line.substring(3).split(" ", -1);
            for (String arg : args) {
                if (arg.isEmpty()) throw header("a stanza has an empty argument");
                for (char c : arg.toCharArray()) if (c < 33 || c > 126) throw header("a stanza argument has a character outside printable ASCII");
            }
            var body = new StringBuilder();
            while (true) {
                String bodyLine = in.line();
                if (bodyLine == null) throw header("the header ends inside a stanza");
                if (bodyLine.length() > 64) throw header("a stanza body line is longer than 64 columns");
                body.append(bodyLine);
                if (bodyLine.length() < 64) break;
            }
            stanzas.add(new Stanza(List.of(args), base64(body.toString())));
        }
    }

    /** Canonical unpadded base64, as the format requires: no padding, no stray bits. */
    static byte[] base64(String text) {
        for (char c : text.toCharArray()) {
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/')) {
                throw header("the header has a character that is not unpadded base64");
            }
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw header("the header has malformed base64");
        }
        if (!Base64.getEncoder().withoutPadding().encodeToString(decoded).equals(text)) {
            throw header("the header has non-canonical base64");
        }
        return decoded;
    }

    private static AgeException header(String message) {
        return new AgeException(AgeException.Stage.HEADER, message);
    }

    /** Lines ending in LF (a CR is not a line end here), read as ASCII. */
    private static final class Lines {
        final byte[] bytes;
        int at;

        Lines(byte[] bytes) {
            this.bytes = bytes;
        }

        String line() {
            for (int i = at; i < bytes.length && i - at < 4096; i++) {
                if (bytes[i] == '\n') {
                    String line = new String(bytes, at, i - at, StandardCharsets.ISO_8859_1);
                    at = i + 1;
                    return line;
                }
            }
            return null;
        }
    }
}
