package com.salesai.ingest.secrets;

import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.IntegrationChanged;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads all of {@code fathom.integrations} into the {@link IntegrationView}, from the beginning at every start.
 * Partitions are assigned manually (no consumer group, no committed offsets), so every ingest instance sees every
 * user. The view turns ready once each partition was read up to the end offset it had at start-up.
 *
 * <p>No dead-letter topic: this is a state view, not work. A value that isn't an {@code IntegrationChanged} is
 * logged (key, partition, offset) and skipped; it would be skipped again on every restart, and its user simply
 * stays at the last good version.
 */
@Component
class IntegrationViewConsumer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(IntegrationViewConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PARTITION_REFRESH = Duration.ofSeconds(30);
    private static final Duration ERROR_BACKOFF = Duration.ofSeconds(1);

    private final IntegrationView view;
    private final Map<String, Object> consumerProperties;
    private volatile Consumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    IntegrationViewConsumer(IntegrationView view, KafkaProperties kafka) {
        this.view = view;
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-integration-view");
        this.consumerProperties = props;
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        Thread worker = new Thread(this::run, "integration-view");
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread worker = thread;
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Map<TopicPartition, Long> catchUpTargets = null;
        long nextRefresh = 0;
        try {
            while (running) {
                try {
                    if (System.nanoTime() >= nextRefresh) {
                        Map<TopicPartition, Long> added = assignNewPartitions();
                        if (catchUpTargets == null) {
                            catchUpTargets = added;
                        }
                        nextRefresh = System.nanoTime() + PARTITION_REFRESH.toNanos();
                    }
                    if (consumer.assignment().isEmpty()) {
                        sleep(POLL); // the topic doesn't exist yet: nothing to read, nothing to wait for
                    } else {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                            apply(record);
                        }
                    }
                    if (!view.isReady() && caughtUp(catchUpTargets)) {
                        view.markCaughtUp();
                        log.info("integration view caught up: {} users from {} partitions", view.size(),
                                catchUpTargets.size());
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    log.warn("integration view: {}; retrying in {}", e.toString(), ERROR_BACKOFF);
                    sleep(ERROR_BACKOFF);
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Assigns partitions not yet assigned (first call: all), each from the beginning; returns their end offsets. */
    private Map<TopicPartition, Long> assignNewPartitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.INTEGRATIONS);
        Set<TopicPartition> assigned = new HashSet<>(consumer.assignment());
        Set<TopicPartition> added = new HashSet<>();
        for (PartitionInfo info : infos == null ? List.<PartitionInfo>of() : infos) {
            TopicPartition partition = new TopicPartition(info.topic(), info.partition());
            if (assigned.add(partition)) {
                added.add(partition);
            }
        }
        if (added.isEmpty()) {
            return Map.of();
        }
        consumer.assign(assigned);
        consumer.seekToBeginning(added);
        return new HashMap<>(consumer.endOffsets(added));
    }

    private boolean caughtUp(Map<TopicPartition, Long> targets) {
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            if (consumer.position(target.getKey()) < target.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            log.warn("integration view: record without key at partition={} offset={} skipped",
                    record.partition(), record.offset());
            return;
        }
        if (record.value() == null) {
            view.apply(record.key(), null);
            return;
        }
        try {
            view.apply(record.key(), EventJson.mapper().readValue(record.value(), IntegrationChanged.class));
        } catch (JacksonException e) {
            log.warn("integration view: undecodable value for userId={} at partition={} offset={} skipped: {}",
                    record.key(), record.partition(), record.offset(), e.getOriginalMessage());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
