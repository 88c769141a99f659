package org.partyline.processor.docs;

import java.util.regex.Pattern;

/**
 * A JSON text as a page documents it: white space outside strings does not count, and {@code ...} stands for any
 * text left out (part of a string, some fields, the rest of a list).
 */
final class ElidedJson {
    private static final String ELISION = "...";

    private ElidedJson() {
    }

    /** True when the actual text reads as the documented one, the elided parts aside. */
    static boolean matches(String documented, String actual) {
        return pattern(documented).matcher(compact(actual)).matches();
    }

    /** The text without the white space that lies outside JSON strings. */
    static String compact(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Pattern pattern(String documented) {
        String[] parts = compact(documented).split(Pattern.quote(ELISION), -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*?");
            }
            if (!parts[i].isEmpty()) {
                regex.append(Pattern.quote(parts[i]));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
