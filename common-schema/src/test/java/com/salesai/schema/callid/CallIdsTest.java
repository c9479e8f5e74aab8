package com.salesai.schema.callid;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CallIdsTest {

    private static final Instant START = Instant.parse("2025-03-04T14:00:00Z");

    @Test
    void nameBasedMatchesTheRfcVersion5Algorithm() {
        UUID dnsNamespace = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        // The well-known uuid5(NAMESPACE_DNS, "python.org") from Python's uuid module documentation.
        assertThat(CallIds.nameBased(dnsNamespace, "python.org".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    @Test
    void recordingIdsAreStableVersion5UuidsPerUser() {
        String id = CallIds.forRecording("user-1", "123456789");

        assertThat(UUID.fromString(id).version()).isEqualTo(5);
        assertThat(UUID.fromString(id).variant()).isEqualTo(2);
        assertThat(CallIds.forRecording("user-1", "123456789")).isEqualTo(id);
        assertThat(CallIds.forRecording("user-2", "123456789")).isNotEqualTo(id);
        assertThat(CallIds.forRecording("user-1", "123456780")).isNotEqualTo(id);
    }

    @Test
    void partsAreSeparatedUnambiguously() {
        assertThat(CallIds.forRecording("a|1:b", "c")).isNotEqualTo(CallIds.forRecording("a", "b|1:c"));
        assertThat(CallIds.forRecording("ab", "c")).isNotEqualTo(CallIds.forRecording("a", "bc"));
        assertThat(CallIds.forContent("u", "", null, null)).isNotEqualTo(CallIds.forContent("u", null, null, null));
        assertThat(CallIds.forContent("u", "t", START, "x")).isNotEqualTo(CallIds.forRecording("u", "t"));
    }

    @Test
    void contentIdsAreStableAndSensitiveToEveryPart() {
        String id = CallIds.forContent("user-1", "Demo", START, "Rep: Hello");

        assertThat(CallIds.forContent("user-1", "Demo", START, "Rep: Hello")).isEqualTo(id);
        assertThat(CallIds.forContent("user-1", "Demo", START, "Rep: Hello.")).isNotEqualTo(id);
        assertThat(CallIds.forContent("user-1", "Demo", START.plusSeconds(1), "Rep: Hello")).isNotEqualTo(id);
        assertThat(CallIds.forContent("user-1", "Demo 2", START, "Rep: Hello")).isNotEqualTo(id);
        assertThat(CallIds.forContent("user-2", "Demo", START, "Rep: Hello")).isNotEqualTo(id);
        assertThat(CallIds.forContent("user-1", null, null, null)).isNotNull();
    }
}
