package com.salesai.schema.fathom;

import java.nio.charset.StandardCharsets;

/** The byte-level checks a request body gets before any JSON parser sees it. */
final class RawBody {
    static final int BOM_LENGTH = 3;

    private RawBody() {
    }

    static boolean startsWithBom(byte[] body, int at) {
        return body.length - at >= BOM_LENGTH
                && body[at] == (byte) 0xEF && body[at + 1] == (byte) 0xBB && body[at + 2] == (byte) 0xBF;
    }

    /** What the byte parser's encoding detection looks at: a NUL among the first four bytes, or a BOM. */
    static boolean sniffable(byte[] body, int start) {
        for (int i = start; i < Math.min(body.length, start + 4); i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return startsWithBom(body, start);
    }

    /** Whitespace only, as {@link String#isBlank()} sees it; decodes only if there is non-ASCII in the way. */
    static boolean isBlank(byte[] body, int start) {
        for (int i = start; i < body.length; i++) {
            if (body[i] < 0) {
                return new String(body, start, body.length - start, StandardCharsets.UTF_8).isBlank();
            }
            if (!Character.isWhitespace(body[i])) {
                return false;
            }
        }
        return true;
    }
}
