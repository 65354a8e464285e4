package io.noroshi.contacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noroshi.mirror.MirrorFiles;
import io.noroshi.mirror.SiteFile;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contacts bundle, {@value #FILE}: every contact from the sources as JSON, encrypted to the
 * operators' age keys, so a mirror holds only ciphertext and an operator decrypts it with
 * {@code age -d -i KEY} or {@code noroshi contacts decrypt}. Encrypted again only when the
 * contacts change: an unchanged bundle keeps its bytes, and a mirror is not written for it.
 */
public final class ContactsBundle implements MirrorFiles {

    public static final String FILE = "noroshi-contacts.age";
    public static final int FORMAT = 1;
    private static final Logger log = LoggerFactory.getLogger(ContactsBundle.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AgeKeys.Recipient> recipients;
    private final List<ContactsSource> sources;
    private final SecureRandom random;
    private byte[] lastPlain;
    private SiteFile lastFile;

    public ContactsBundle(List<AgeKeys.Recipient> recipients, List<ContactsSource> sources, SecureRandom random) {
        this.recipients = List.copyOf(recipients);
        this.sources = List.copyOf(sources);
        this.random = random;
    }

    @Override
    public synchronized List<SiteFile> files() {
        if (recipients.isEmpty()) return List.of();
        byte[] plain = plaintext(sources);
        if (lastFile == null || !Arrays.equals(plain, lastPlain)) {
            lastFile = SiteFile.of(FILE, "application/octet-stream", AgeFormat.encrypt(plain, recipients, random));
            lastPlain = plain;
            log.info("contacts bundle encrypted recipients={} bytes={}", recipients.size(), lastFile.body().length);
        }
        return List.of(lastFile);
    }

    /** The bundle's plaintext: {@code {"format":1,"contacts":[...]}}. */
    public static byte[] plaintext(List<ContactsSource> sources) {
        var all = new ArrayList<Contact>();
        sources.forEach(s -> all.addAll(s.contacts()));
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        var list = root.putArray("contacts");
        for (Contact c : all) {
            var o = list.addObject();
            o.put("kind", c.kind());
            o.put("name", c.name());
            o.put("role", c.role());
            o.put("email", c.email());
            o.put("phone", c.phone());
            if (!c.lang().isEmpty()) o.put("lang", c.lang());
            if (!c.components().isEmpty()) c.components().forEach(o.putArray("components")::add);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("contacts always serialise", e);
        }
    }

    /** Reads a decrypted bundle back into contacts. */
    public static List<Contact> read(byte[] plaintext) {
        try {
            var root = JSON.readTree(plaintext);
            var out = new ArrayList<Contact>();
            for (var c : root.path("contacts")) {
                var components = new ArrayList<String>();
                c.path("components").forEach(component -> components.add(component.asText()));
                out.add(new Contact(c.path("kind").asText(), c.path("name").asText(), c.path("role").asText(), c.path("email").asText(),
                        c.path("phone").asText(), c.path("lang").asText(), components));
            }
            return out;
        } catch (IOException e) {
            throw new AgeException(AgeException.Stage.PAYLOAD, "the bundle decrypted but is not a contacts list: " + e.getMessage());
        }
    }
}
