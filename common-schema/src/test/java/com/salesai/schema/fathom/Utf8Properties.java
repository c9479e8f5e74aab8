package com.salesai.schema.fathom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Utf8} accepts exactly what the JDK's strict decoder accepts, which is what the normalizer used before. */
class Utf8Properties {

    @Property(tries = 3000)
    void agreesWithTheStrictJdkDecoder(@ForAll("utf8ish") byte[] bytes) {
        assertThat(Utf8.isValid(bytes, 0, bytes.length)).isEqualTo(jdkAccepts(bytes));
    }

    @Property(tries = 500)
    void acceptsEveryEncodedString(@ForAll String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.isValid(bytes, 0, bytes.length)).isEqualTo(jdkAccepts(bytes));
    }

    /** Bytes around the edges of the encoding: leads, continuations and the boundaries of each range. */
    @Provide
    Arbitrary<byte[]> utf8ish() {
        Integer[] edges = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
                0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
        return Arbitraries.of(edges).map(b -> (byte) b.intValue()).array(byte[].class).ofMaxSize(8);
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
