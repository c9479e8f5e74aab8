package com.salesai.ingest.webhook;

import com.salesai.ingest.IngestSpringTest;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The unique-index claim keeps parallel copies of a call from publishing it twice. */
class WebhookConcurrencyTest extends IngestSpringTest {
    private static final int CALLS = 50;
    private static final int COPIES = 4;

    @Test
    void twoHundredParallelDeliveriesOfFiftyCallsPublishFiftyRecords() throws Exception {
        TestUser user = activeUser();
        List<String> bodies = new ArrayList<>();
        for (int call = 0; call < CALLS; call++) {
            for (int copy = 0; copy < COPIES; copy++) {
                bodies.add(nestedCall(call));
            }
        }
        Collections.shuffle(bodies);

        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CALLS * COPIES);
        try {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (String body : bodies) {
                responses.add(pool.submit(() -> client().deliver(user, body)));
            }
            for (Future<HttpResponse<String>> response : responses) {
                statuses.add(response.get().statusCode());
            }
        } finally {
            pool.shutdownNow();
        }

        Map<Integer, Long> byStatus = statuses.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(byStatus).containsOnly(Map.entry(202, (long) CALLS), Map.entry(200, (long) CALLS * (COPIES - 1)));
        String userIdJson = "\"userId\":\"" + user.userId() + "\"";
        List<ConsumerRecord<String, byte[]>> records = topic(Topics.CALLS_RECORDED).read(
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(userIdJson), CALLS,
                Duration.ofSeconds(20), Duration.ofSeconds(2));
        assertThat(records).hasSize(CALLS);
        assertThat(records.stream().map(ConsumerRecord::key).distinct()).hasSize(CALLS);
    }

    private static String nestedCall(int n) {
        return "{\"id\":\"concurrent-" + n + "\",\"fathom_user\":{\"email\":\"rep@acme.com\",\"name\":\"Rep One\"},"
                + "\"meeting\":{\"title\":\"Call " + n + "\"},\"recording\":{\"duration_in_minutes\":10},"
                + "\"transcript\":{\"plaintext\":\"Rep One: hello\"}}";
    }
}
