package com.salesai.ingest.webhook;

import com.salesai.ingest.LargeBodySpringTest;
import com.salesai.schema.events.Topics;
import com.salesai.testsupport.ServiceProbe;
import com.salesai.testsupport.SlowUpload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack of issue 18, bounded: {@value #UPLOADS} uploads of a 9 MiB body trickled at 4 KB/s, to a user that does
 * not exist, to a real user without the signature headers and to a path no user can have, with a signed delivery
 * sent in their midst. Each is refused from its headers alone, its body unread, and hung up on once the read timeout
 * is over; the heap stays within {@value #HEAP_BOUND_MIB} MiB of where it was, and the service stays live and ready
 * and accepts the delivery.
 */
class SlowUploadsTest extends LargeBodySpringTest {
    private static final int UPLOADS = 60;
    private static final String SIGNED_MEETING = WebhookFormatsTest.payload("fathom-meeting.json");
    private static final byte[] NINE_MEBIBYTES = new byte[9 * 1024 * 1024];
    private static final int BYTES_PER_SECOND = 4 * 1024;
    private static final long HEAP_BOUND_MIB = 200;
    /**
     * Answered before the sender could trickle 12 KB of its 9 MiB: from the headers alone (the service takes a few
     * milliseconds; the rest is 120 client threads and the service sharing a loaded machine).
     */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(3);
    /** What is still sent after the answer is thrown away while the read timeout lasts, then the connection closed. */
    private static final Duration HANG_UP_BOUND = Duration.ofSeconds(READ_TIMEOUT_SECONDS).plus(ANSWER_BOUND);

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void sixtySlowNineMebibyteUploadsAreRefusedUnreadWhileASignedDeliveryIsAccepted(CapturedOutput output)
            throws IOException {
        TestUser user = activeUser();
        String noSubject = "no*subject-" + UUID.randomUUID();
        HeapWatch heap = HeapWatch.start();
        List<SlowUpload> uploads = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        try {
            for (int i = 0; i < UPLOADS; i++) {
                if (i == UPLOADS / 2) {
                    HttpResponse<String> genuine = client().deliver(user, SIGNED_MEETING);
                    assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(202);
                    assertLiveAndReady();
                }
                switch (i % 3) {
                    case 0 -> uploads.add(trickle("nobody", Map.of("webhook-id", "msg_nobody" + i)));
                    case 1 -> uploads.add(trickle(user.userId(), Map.of()));
                    default -> uploads.add(trickle(noSubject, Map.of("webhook-id", "msg_nosubject" + i)));
                }
                expected.add(i % 3 == 1 ? 401 : 404);
            }
            for (int i = 0; i < UPLOADS; i++) {
                SlowUpload upload = uploads.get(i);
                SlowUpload.Answer answer = upload.answer(Duration.ofSeconds(20));
                assertThat(answer.status()).as("upload %d", i).isEqualTo(expected.get(i));
                assertThat(answer.header("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(answer.header("Connection")).as("not kept for another request").hasValue("close");
                assertThat(answer.afterHeaders()).as("upload %d answered from its headers", i)
                        .isLessThan(ANSWER_BOUND);
                assertThat(answer.bodyBytesSent()).isLessThan(NINE_MEBIBYTES.length / 100);
                assertThat(upload.hangUp(Duration.ofSeconds(20))).as("upload %d hung up on at the read timeout, "
                        + "its trickle not drained to the end", i).isLessThan(HANG_UP_BOUND);
            }
            assertLiveAndReady();
        } finally {
            uploads.forEach(SlowUpload::close);
        }

        assertThat(heap.stop()).as("heap growth in MiB").isLessThan(HEAP_BOUND_MIB);
        assertThat(topic(Topics.CALLS_RECORDED).read(r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains(user.userId()), 1, Duration.ofSeconds(10), Duration.ZERO)).hasSize(1);
        assertThat(output.getOut()).doesNotContain(noSubject);
    }

    private SlowUpload trickle(String userId, Map<String, String> headers) throws IOException {
        return SlowUpload.trickle(port, "/api/webhooks/fathom/" + userId, headers, NINE_MEBIBYTES, BYTES_PER_SECOND);
    }

    private void assertLiveAndReady() {
        for (String probe : new String[] {"/livez", "/readyz"}) {
            HttpResponse<String> health = ServiceProbe.get(port, probe);
            assertThat(health.statusCode()).as(probe + " " + health.body()).isEqualTo(200);
        }
    }

    /** The most heap used while it watches, in MiB above what was used after a collection when it started. */
    private static final class HeapWatch {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong most = new AtomicLong();
        private final long baseline;
        private final Thread sampler;
        private volatile boolean watching = true;

        private HeapWatch() {
            System.gc();
            baseline = memory.getHeapMemoryUsage().getUsed();
            sampler = new Thread(() -> {
                while (watching) {
                    most.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        long stop() {
            watching = false;
            sampler.interrupt();
            return Math.max(0, most.get() - baseline) / (1024 * 1024);
        }
    }
}
