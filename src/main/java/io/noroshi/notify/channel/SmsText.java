package io.noroshi.notify.channel;

/**
 * How an SMS counts characters. A text made only of the GSM 03.38 default alphabet travels in 7-bit septets, 160
 * to a single message, where each character of the extension table ({@code ^ { } \ [ ~ ] | €}) takes two. Any
 * other character forces UCS-2 for the whole message: 70 UTF-16 units.
 */
public final class SmsText {

    public static final int GSM7_SINGLE = 160;
    public static final int UCS2_SINGLE = 70;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private SmsText() {
    }

    /** True when every character is in the GSM 7-bit default alphabet or its extension table. */
    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) return false;
        }
        return true;
    }

    /** Septets the text takes in GSM 7-bit (extension characters count two); only meaningful when {@link #isGsm7}. */
    public static int septets(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) count += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        return count;
    }

    /** True when the text fits one SMS: 160 septets in GSM 7-bit, else 70 UTF-16 units in UCS-2. */
    public static boolean fitsOne(String text) {
        return isGsm7(text) ? septets(text) <= GSM7_SINGLE : text.length() <= UCS2_SINGLE;
    }
}
