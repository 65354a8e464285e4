package io.noroshi.probe.mail;

/** How a mail probe secures its connection ({@code tls:} in the YAML). */
public enum MailTls {
    /** Plain text only; STARTTLS is neither required nor tried. */
    NONE,
    /** Connect in plain text, require the server to advertise STARTTLS (POP3: STLS), then upgrade. */
    STARTTLS,
    /** TLS from the first byte (SMTPS 465, IMAPS 993, POP3S 995). */
    IMPLICIT
}
