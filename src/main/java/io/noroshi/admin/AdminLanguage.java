package io.noroshi.admin;

import io.noroshi.web.AcceptLanguage;

/**
 * Which language an admin page speaks: {@code ?lang=} (the switch on every page, which the hub then
 * remembers in a cookie), else the remembered choice, else the browser's Accept-Language by the public
 * pages' rule (the first offered language in order of preference, q-values honoured), else English.
 */
final class AdminLanguage {

    /** Cookie holding the operator's choice from the language switch. */
    static final String COOKIE = "noroshi_admin_lang";

    private AdminLanguage() {
    }

    /**
     * @param asked    {@code ?lang=} or a form's {@code lang}; null when absent
     * @param chosen   the cookie's value; null when absent
     * @param accepted the Accept-Language header; null when absent
     */
    static String choose(String asked, String chosen, String accepted) {
        if (offered(asked)) return asked;
        if (offered(chosen)) return chosen;
        return accepted == null ? AdminText.LANGUAGES.getFirst() : preferred(accepted);
    }

    static boolean offered(String lang) {
        return lang != null && AdminText.LANGUAGES.contains(lang);
    }

    /** The first offered language of an Accept-Language header by preference (q-values honoured), else English. */
    static String preferred(String acceptLanguage) {
        return AcceptLanguage.preferred(acceptLanguage, AdminText.LANGUAGES.getFirst(), AdminText.LANGUAGES::contains);
    }
}
