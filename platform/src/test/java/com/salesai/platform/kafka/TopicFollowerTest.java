package com.salesai.platform.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@EmbeddedKafka(partitions = 1)
class TopicFollowerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<TopicFollower> started = new ArrayList<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private String bootstrap;
    private TopicFollowers followers;
    private KafkaProducer<String, String> producer;

    @BeforeEach
    void connect(EmbeddedKafkaBroker broker) {
        bootstrap = broker.getBrokersAsString();
        followers = new TopicFollowers(new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap), new StringSerializer(),
                new StringSerializer());
    }

    @AfterEach
    void close() {
        started.forEach(TopicFollower::stop);
        producer.close();
    }

    @Test
    void fromTheBeginningItSaysWhenItCaughtUpThenKeepsFollowing() throws Exception {
        String topic = topic(2);
        send(topic, 0, "old-1");
        send(topic, 1, "old-2");

        start(followers.follow(topic).whenCaughtUp(() -> {
            assertThat(seen).as("read before saying so").containsExactlyInAnyOrder("old-1", "old-2");
            caughtUp.countDown();
        }));

        assertThat(caughtUp.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        send(topic, 1, "new");
        await().atMost(WAIT).untilAsserted(() -> assertThat(seen).containsExactlyInAnyOrder("old-1", "old-2", "new"));
    }

    @Test
    void fromTheEndItMissesNothingSentOnceStarted() throws Exception {
        String topic = topic(1);
        send(topic, 0, "before");

        TopicFollower follower = start(followers.follow(topic).from(TopicFollower.From.END)
                .awaitPositionedOnStart(WAIT).whenCaughtUp(caughtUp::countDown));

        assertThat(follower.awaitPositioned(Duration.ZERO)).as("start() returned positioned").isTrue();
        send(topic, 0, "after");
        await().atMost(WAIT).untilAsserted(() -> assertThat(seen).containsExactly("after"));
        assertThat(caughtUp.await(0, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTopicMissingAtStartIsCaughtUpAtOnceAndItsPartitionsAreFollowedOnceTheyExist() throws Exception {
        String topic = "follow-" + UUID.randomUUID();

        start(followers.follow(topic).partitionRefresh(Duration.ofMillis(200)).whenCaughtUp(caughtUp::countDown));

        assertThat(caughtUp.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        create(topic, 1);
        send(topic, 0, "first");
        try (Admin admin = admin()) {
            admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(2))).all().get(10, TimeUnit.SECONDS);
        }
        send(topic, 1, "on-a-new-partition");
        await().atMost(WAIT).untilAsserted(() -> assertThat(seen)
                .containsExactlyInAnyOrder("first", "on-a-new-partition"));
    }

    @Test
    void aRecordTheHandlerFailsOnIsSkippedAndTheRestOfItsBatchStillHandled() throws Exception {
        String topic = topic(1);
        send(topic, 0, "fails");
        send(topic, 0, "fine");

        start(followers.follow(topic).whenCaughtUp(caughtUp::countDown));

        assertThat(caughtUp.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactly("fails", "fine");
    }

    @Test
    void stoppedItReadsNoMore() throws Exception {
        String topic = topic(1);
        TopicFollower follower = start(followers.follow(topic).whenCaughtUp(caughtUp::countDown));
        assertThat(caughtUp.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        follower.stop();
        send(topic, 0, "too late");

        assertThat(follower.isRunning()).isFalse();
        Thread.sleep(1_000);
        assertThat(seen).isEmpty();
    }

    @Test
    void readToEndResumesWhereTheGroupStoppedAndRedoesAFailedRead() throws Exception {
        String topic = topic(2);
        String group = "replay-" + UUID.randomUUID();
        send(topic, 0, "a");
        send(topic, 1, "b");

        assertThat(followers.readToEnd(topic, group, WAIT, this::remember)).isEqualTo(2);
        send(topic, 0, "c");
        assertThatThrownBy(() -> followers.readToEnd(topic, group, WAIT, record -> {
            throw new IllegalStateException("republish failed");
        })).hasMessage("republish failed");
        assertThat(followers.readToEnd(topic, group, WAIT, this::remember)).isEqualTo(1);

        assertThat(seen).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(followers.readToEnd(topic, group, WAIT, this::remember)).isZero();
    }

    private TopicFollower start(TopicFollower.Builder builder) {
        TopicFollower follower = builder.build(this::remember);
        started.add(follower);
        follower.start();
        return follower;
    }

    /** The handler of these tests; a value "fails" is a handler failure. */
    private void remember(ConsumerRecord<String, byte[]> record) {
        String value = new String(record.value(), StandardCharsets.UTF_8);
        seen.add(value);
        if (value.equals("fails")) {
            throw new IllegalArgumentException("cannot use " + value);
        }
    }

    private String topic(int partitions) throws Exception {
        String topic = "follow-" + UUID.randomUUID();
        create(topic, partitions);
        return topic;
    }

    private void create(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private void send(String topic, int partition, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, partition, "key", value)).get(10, TimeUnit.SECONDS);
    }
}
