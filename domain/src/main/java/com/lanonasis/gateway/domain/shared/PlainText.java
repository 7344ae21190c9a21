package com.lanonasis.gateway.domain.shared;

/**
 * What text a person or a client may store: no NUL or other C0/C1 control characters (content
 * may keep tab, line feed and carriage return), no DEL, no bidirectional embedding, override or
 * isolate characters (U+202A..U+202E, U+2066..U+2069: they make text read differently from what
 * it is, "Trojan Source"), and no unpaired surrogate (not text at all, and refused by Postgres).
 * Checked where input enters; values already stored are read as they are.
 */
public final class PlainText {

    private PlainText() {
    }

    /** {@code value} unchanged when it may be stored; otherwise an {@link InvalidValue} for {@code field}. */
    public static String require(String field, String value, boolean lineBreaks) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new InvalidValue(field, field + " must be valid Unicode text");
            }
            if (lineBreaks && (c == '\t' || c == '\n' || c == '\r')) {
                continue;
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                throw new InvalidValue(field, field + " must not contain control characters"
                        + (lineBreaks ? " (other than tab and line breaks)" : ""));
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                throw new InvalidValue(field, field + " must not contain bidirectional override characters");
            }
        }
        return value;
    }
}
