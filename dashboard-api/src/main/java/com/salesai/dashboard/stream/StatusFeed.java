package com.salesai.dashboard.stream;

import com.salesai.dashboard.projection.CallStatusChanged;
import com.salesai.schema.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads the broadcast topic from its end on every instance — all partitions, no consumer group, nothing committed —
 * and hands each change to this instance's {@link CallStatusHub}. Undecodable records are logged and skipped: they
 * are notifications, the read model does not depend on them.
 */
@Component
class StatusFeed implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(StatusFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration START_WAIT = Duration.ofSeconds(15);

    private final KafkaProperties kafka;
    private final CallStatusHub hub;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private Thread thread;

    StatusFeed(KafkaProperties kafka, CallStatusHub hub) {
        this.kafka = kafka;
        this.hub = hub;
    }

    @Override
    public void start() {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(this::run, "sse-status-feed");
        thread.setDaemon(true);
        thread.start();
        try {
            // Start-up waits (bounded) until the feed knows where it starts, so no change applied after it is missed.
            if (!positioned.await(START_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("SSE status feed not positioned after {}; it keeps trying in the background", START_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> feed = consumer) {
            List<TopicPartition> partitions = awaitPartitions(feed);
            feed.assign(partitions);
            feed.seekToEnd(partitions);
            partitions.forEach(feed::position);
            positioned.countDown();
            log.info("SSE status feed reading {} from its end", partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : feed.poll(POLL)) {
                    deliver(record);
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up
        } catch (RuntimeException e) {
            log.error("SSE status feed stopped: subscribers of this instance get no more status changes", e);
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> feed) {
        while (running) {
            try {
                List<PartitionInfo> infos = feed.partitionsFor(StatusBroadcastConfig.TOPIC, Duration.ofSeconds(10));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                }
            } catch (TimeoutException e) {
                // broker unreachable or topic not created yet
            }
            log.warn("topic {} not available yet; retrying", StatusBroadcastConfig.TOPIC);
        }
        throw new WakeupException();
    }

    private void deliver(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            hub.publish(EventJson.mapper().readValue(record.value(), CallStatusChanged.class));
        } catch (JacksonException e) {
            log.warn("skipping undecodable status change at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getOriginalMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> feed = consumer;
        if (feed != null) {
            feed.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
