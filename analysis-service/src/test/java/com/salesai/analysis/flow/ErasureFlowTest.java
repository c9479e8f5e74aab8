package com.salesai.analysis.flow;

import com.salesai.analysis.AnalysisServiceTest;
import com.salesai.schema.events.CallErased;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * calls.erased → the analysis' store and its compacted results: the stored analysis goes, both result topics get a
 * tombstone, and the call redelivered afterwards is not analyzed again. In {@link AnalysisServiceTest}'s context.
 */
@AnalysisServiceTest
class ErasureFlowTest {

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void anErasedCallsAnalysisIsDeletedAndTombstonedAndItsRedeliveryIsNotAnalyzed() throws Exception {
        var call = Calls.call("erased-call");
        kafka.send(Topics.CALLS_RECORDED, call.callId(), call).get();
        assertThat(TopicReader.valuesOf(bootstrap, Topics.CALLS_ANALYZED, call.callId(), 1, Duration.ZERO)).hasSize(1);
        assertThat(stored(call.callId())).isEqualTo(1);

        kafka.send(Topics.CALLS_ERASED, call.callId(), CallErased.of(call.callId(), call.orgId(), "boss",
                Instant.now())).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> stored(call.callId()) == 0);
        assertThat(TopicReader.valuesOf(bootstrap, Topics.CALLS_ANALYZED, call.callId(), 2, Duration.ZERO))
                .hasSize(2).last().isNull();
        assertThat(TopicReader.valuesOf(bootstrap, Topics.CALLS_ANALYSIS_FAILED, call.callId(), 1, Duration.ZERO))
                .containsExactly((String) null);

        kafka.send(Topics.CALLS_RECORDED, call.callId(), call).get();
        RecordMetadata tombstone = kafka.send(Topics.CALLS_RECORDED, call.callId(), null).get().getRecordMetadata();

        // the service is done with both records before the topic is read for what it published of them
        TopicReader.awaitProcessed(bootstrap, TopicReader.RECORDED_GROUP, tombstone);
        assertThat(TopicReader.valuesOf(bootstrap, Topics.CALLS_ANALYZED, call.callId(), 2, Duration.ofSeconds(2)))
                .as("nothing published after the tombstone").hasSize(2);
        assertThat(stored(call.callId())).isZero();
        assertThat(TopicReader.valuesOf(bootstrap, Topics.deadLetterOf(Topics.CALLS_RECORDED), call.callId(), 0,
                Duration.ofSeconds(1))).as("a tombstone is no dead letter").isEmpty();
    }

    private long stored(String callId) {
        return mongo.getCollection("analyses").countDocuments(new Document("callId", callId));
    }
}
