package io.noroshi.storage;

import java.util.regex.Pattern;

/** Removes credentials from a JDBC URL so it can be logged or shown in an error. */
final class RedactedUrl {

    // user=, password= and the like in the query, and user:pass@ before the host.
    private static final Pattern SECRET_PARAM =
            Pattern.compile("(?i)([?&;](?:password|user|sslpassword|sslkey)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?]*@");

    private RedactedUrl() {
    }

    static String of(String url) {
        String withoutUserInfo = USER_INFO.matcher(url).replaceFirst("//***@");
        return SECRET_PARAM.matcher(withoutUserInfo).replaceAll("$1***");
    }

    /** {@code host:port/db} of a PostgreSQL URL, for "cannot connect to PostgreSQL at ...". */
    static String target(String url) {
        String rest = url.replaceFirst("^jdbc:postgresql://", "");
        rest = USER_INFO.matcher("//" + rest).replaceFirst("//").substring(2);
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }
}
