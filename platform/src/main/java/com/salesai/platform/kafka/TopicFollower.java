package com.salesai.platform.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Reads every partition of one topic on its own thread, with no consumer group and nothing committed, so every
 * instance of a service sees every record: from the beginning or the end, says once it has read up to the end offsets
 * the topic had when it started ({@link Builder#whenCaughtUp}), then keeps following. Partitions added later are
 * found within {@link Builder#partitionRefresh} and read from their beginning: all their records are newer than the
 * follower's start. A record the handler fails on is logged (partition, offset) and skipped, never read again; a
 * failure of the consumer itself (broker away) is logged and retried after a second. A bean, started and stopped with
 * the application context; built by {@link TopicFollowers} on Boot's consumer factory.
 */
public final class TopicFollower implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration ERROR_BACKOFF = Duration.ofSeconds(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final BiFunction<String, Duration, Consumer<String, byte[]>> consumers;
    private final String topic;
    private final String clientId;
    private final From from;
    private final Runnable whenCaughtUp;
    private final Duration startWait;
    private final Duration partitionRefresh;
    private final RecordHandler handler;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile Consumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    private TopicFollower(Builder settings, RecordHandler handler) {
        this.consumers = settings.consumers;
        this.topic = settings.topic;
        this.clientId = settings.clientId;
        this.from = settings.from;
        this.whenCaughtUp = settings.whenCaughtUp;
        this.startWait = settings.startWait;
        this.partitionRefresh = settings.partitionRefresh;
        this.handler = handler;
    }

    @Override
    public void start() {
        consumer = consumers.apply(clientId, partitionRefresh);
        running = true;
        Thread worker = new Thread(this::run, clientId);
        worker.setDaemon(true);
        thread = worker;
        worker.start();
        if (!startWait.isZero() && !awaitPositioned(startWait)) {
            log.warn("{}: not positioned on {} after {}; it keeps trying in the background", clientId, topic,
                    startWait);
        }
    }

    /** Whether the follower knows where it reads from within {@code timeout}: nothing sent after that is missed. */
    boolean awaitPositioned(Duration timeout) {
        try {
            return positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
                worker.join(STOP_WAIT.toMillis());
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
        boolean caughtUp = false;
        long nextRefresh = System.nanoTime();
        try {
            while (running) {
                try {
                    if (System.nanoTime() - nextRefresh >= 0) {
                        Map<TopicPartition, Long> added = assignNewPartitions(catchUpTargets == null);
                        if (catchUpTargets == null) {
                            catchUpTargets = added;
                            positioned.countDown();
                            log.info("{}: reading {} partition(s) of {} from its {}", clientId, added.size(), topic,
                                    from.name().toLowerCase(Locale.ROOT));
                        }
                        nextRefresh = System.nanoTime() + partitionRefresh.toNanos();
                    }
                    if (consumer.assignment().isEmpty()) {
                        sleep(POLL); // the topic doesn't exist yet: nothing to read, nothing to wait for
                    } else {
                        consumer.poll(POLL).forEach(this::handle);
                    }
                    if (!caughtUp && catchUpTargets != null && EndOffsets.reached(consumer, catchUpTargets)) {
                        caughtUp = true;
                        whenCaughtUp.run();
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    log.warn("{}: {}; retrying in {}", clientId, e.toString(), ERROR_BACKOFF);
                    sleep(ERROR_BACKOFF);
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        try {
            handler.handle(record);
        } catch (RuntimeException e) {
            log.warn("{}: record {}-{}@{} skipped: {}", clientId, record.topic(), record.partition(),
                    record.offset(), e.toString());
        }
    }

    /**
     * Assigns the partitions not assigned yet: at the first call all of them, from the follower's start; later ones
     * from their beginning. Returns their end offsets, after resolving their positions so that "positioned" holds.
     */
    private Map<TopicPartition, Long> assignNewPartitions(boolean first) {
        Set<TopicPartition> assigned = new HashSet<>(consumer.assignment());
        List<TopicPartition> added = EndOffsets.partitionsOf(consumer, topic).stream()
                .filter(partition -> !assigned.contains(partition)).toList();
        if (added.isEmpty()) {
            return Map.of();
        }
        assigned.addAll(added);
        consumer.assign(assigned);
        if (first && from == From.END) {
            consumer.seekToEnd(added);
        } else {
            consumer.seekToBeginning(added);
        }
        added.forEach(consumer::position);
        return new HashMap<>(consumer.endOffsets(added));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where a follower starts reading the partitions it finds at start-up. */
    public enum From {
        BEGINNING, END
    }

    /** The settings of a follower; {@link #build} makes it. */
    public static final class Builder {
        private final BiFunction<String, Duration, Consumer<String, byte[]>> consumers;
        private final String topic;
        private String clientId;
        private From from = From.BEGINNING;
        private Runnable whenCaughtUp = () -> {
        };
        private Duration startWait = Duration.ZERO;
        private Duration partitionRefresh = Duration.ofSeconds(30);

        /** @param consumers a consumer by client id and metadata age */
        Builder(BiFunction<String, Duration, Consumer<String, byte[]>> consumers, String topic) {
            this.consumers = consumers;
            this.topic = topic;
            this.clientId = topic + "-follower";
        }

        /** The Kafka client id, also the thread's name and the prefix of the follower's log lines. */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder from(From from) {
            this.from = from;
            return this;
        }

        /** Runs once, on the follower's thread, when the end offsets found at start-up are reached. */
        public Builder whenCaughtUp(Runnable whenCaughtUp) {
            this.whenCaughtUp = whenCaughtUp;
            return this;
        }

        /** {@link #start()} waits at most this long until the follower knows where it reads from. */
        public Builder awaitPositionedOnStart(Duration startWait) {
            this.startWait = startWait;
            return this;
        }

        /** How often the topic's partitions are looked up again: the consumer's metadata is refreshed as often. */
        public Builder partitionRefresh(Duration partitionRefresh) {
            this.partitionRefresh = partitionRefresh;
            return this;
        }

        public TopicFollower build(RecordHandler handler) {
            return new TopicFollower(this, handler);
        }
    }
}
