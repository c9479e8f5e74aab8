package com.salesai.analysis.replay;

import com.salesai.platform.kafka.AckedSender;
import com.salesai.platform.kafka.TopicFollowers;
import com.salesai.schema.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Re-drives calls.recorded.DLT into calls.recorded, as raw bytes with the original key, each re-publish
 * acknowledged before the next. The position is the committed offset of consumer group {@value #GROUP}: each replay
 * starts where the previous one stopped (the beginning the first time) and reads up to the end offsets seen when it
 * started. Offsets are committed only after every re-published record was acked, so a failed replay is redone,
 * never skipped.
 */
@Component
class DltReplayer {
    static final String GROUP = "analysis-dlt-replay";
    private static final Logger log = LoggerFactory.getLogger(DltReplayer.class);
    private static final Duration MAX_REPLAY_TIME = Duration.ofSeconds(60);

    private final TopicFollowers topics;
    private final AckedSender kafka;

    DltReplayer(TopicFollowers topics, AckedSender kafka) {
        this.topics = topics;
        this.kafka = kafka;
    }

    synchronized int replay() {
        String dlt = Topics.deadLetterOf(Topics.CALLS_RECORDED);
        int replayed = topics.readToEnd(dlt, GROUP, MAX_REPLAY_TIME,
                record -> kafka.send(Topics.CALLS_RECORDED, record.key(), record.value()));
        log.info("Replayed {} record(s) from {} to {}", replayed, dlt, Topics.CALLS_RECORDED);
        return replayed;
    }
}
