package io.noroshi.admin;

/**
 * What every admin page shows around its content.
 *
 * @param operator the logged-in operator's email, null on the login page
 * @param csrf     the token every form on the page sends back
 */
public record AdminChrome(String title, String operator, String csrf, String error, String notice) {
}
