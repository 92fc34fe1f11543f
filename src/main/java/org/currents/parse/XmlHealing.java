package org.currents.parse;

/**
 * Whether a feed's text needs ROME's XML healer. The healer repairs HTML entities XML does not
 * know ({@code &nbsp;}), stray ampersands and whitespace or comments before the prolog, but it
 * hands the XML parser one character at a time: most of the parse's time on well-formed feeds.
 * Text with none of those is read as it is. Inside CDATA nothing is a reference, so a section's
 * contents never ask for healing.
 */
final class XmlHealing {
    private static final String CDATA_START = "<![CDATA[";
    private static final String[] XML_ENTITIES = {"amp;", "lt;", "gt;", "quot;", "apos;"};

    private XmlHealing() {
    }

    static boolean needed(String text) {
        if (text.isEmpty() || text.charAt(0) != '<' || text.startsWith("<!--")) {
            return true;
        }
        int cdata = text.indexOf(CDATA_START);
        for (int amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', amp + 1)) {
            while (cdata >= 0 && cdata < amp) {
                int end = text.indexOf("]]>", cdata + CDATA_START.length());
                if (end < 0) {
                    return true;
                }
                if (amp < end) {
                    amp = end;
                }
                cdata = text.indexOf(CDATA_START, end);
            }
            if (amp < text.length() && text.charAt(amp) == '&' && !isXmlReference(text, amp + 1)) {
                return true;
            }
        }
        return false;
    }

    /** A character reference or one of XML's five entities, starting after the '&' at {@code from - 1}. */
    private static boolean isXmlReference(String text, int from) {
        if (from < text.length() && text.charAt(from) == '#') {
            boolean hex = from + 1 < text.length() && text.charAt(from + 1) == 'x';
            int i = hex ? from + 2 : from + 1;
            int start = i;
            while (i < text.length() && (hex ? Character.digit(text.charAt(i), 16) >= 0 : isAsciiDigit(text.charAt(i)))) {
                i++;
            }
            return i > start && i < text.length() && text.charAt(i) == ';';
        }
        for (String name : XML_ENTITIES) {
            if (text.startsWith(name, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
