package com.salesai.schema.fathom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FathomLinksTest {

    @Test
    void keepsLinksIntoFathom() {
        assertThat(FathomLinks.orNull("https://fathom.video/share/abc123")).isEqualTo("https://fathom.video/share/abc123");
        assertThat(FathomLinks.orNull(" https://app.fathom.video/calls/42 ")).isEqualTo("https://app.fathom.video/calls/42");
        assertThat(FathomLinks.orNull("HTTPS://Fathom.Video/share/x")).isEqualTo("HTTPS://Fathom.Video/share/x");
    }

    @Test
    void dropsEverythingElse() {
        assertThat(FathomLinks.orNull("javascript:alert(1)")).isNull();
        assertThat(FathomLinks.orNull("http://fathom.video/share/abc")).isNull();
        assertThat(FathomLinks.orNull("https://fathom.video.evil.test/share/abc")).isNull();
        assertThat(FathomLinks.orNull("https://evilfathom.video/share/abc")).isNull();
        assertThat(FathomLinks.orNull("https://fathom.video@evil.test/share")).isNull();
        assertThat(FathomLinks.orNull("https://user@fathom.video/share")).isNull();
        assertThat(FathomLinks.orNull("data:text/html,hi")).isNull();
        assertThat(FathomLinks.orNull("not a url")).isNull();
        assertThat(FathomLinks.orNull("")).isNull();
        assertThat(FathomLinks.orNull(null)).isNull();
    }

    @Test
    void aPayloadsForeignShareLinkIsDroppedAndTheCallKept() {
        NormalizationResult result = new FathomPayloadNormalizer().normalize("""
                {"id":"rec-1","meeting":{"title":"Demo"},"recording":{"share_url":"https://phish.example/share/1"},
                 "transcript":{"plaintext":"Alice: Bonjour"}}""".getBytes());

        assertThat(result).isInstanceOf(NormalizationResult.Normalized.class);
        NormalizedCall call = ((NormalizationResult.Normalized) result).calls().get(0);
        assertThat(call.shareUrl()).isNull();
        assertThat(call.title()).isEqualTo("Demo");
    }
}
