package com.salesai.ingest.publish;

import com.salesai.platform.kafka.AckedSender;
import com.salesai.platform.kafka.KafkaPublishException;
import com.salesai.schema.events.Topics;
import com.salesai.schema.webhooks.WebhookHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Key userId, value the raw bytes; headers the original webhook id/timestamp, content type, reason, receipt time. */
@Component
class KafkaQuarantinePublisher implements QuarantinePublisher {
    static final String REASON_HEADER = "quarantine-reason";
    static final String RECEIVED_AT_HEADER = "received-at";
    static final String CONTENT_TYPE_HEADER = "content-type";

    private final AckedSender sender;

    KafkaQuarantinePublisher(AckedSender sender) {
        this.sender = sender;
    }

    @Override
    public void quarantine(QuarantinedDelivery delivery) throws PublishException {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.INGEST_QUARANTINE, delivery.userId(), delivery.body());
        Headers headers = record.headers();
        add(headers, WebhookHeaders.ID, delivery.webhookId());
        add(headers, WebhookHeaders.TIMESTAMP, delivery.webhookTimestamp());
        add(headers, CONTENT_TYPE_HEADER, delivery.contentType());
        add(headers, REASON_HEADER, delivery.reason());
        add(headers, RECEIVED_AT_HEADER, delivery.receivedAt().toString());
        try {
            sender.sendAll(List.of(record));
        } catch (KafkaPublishException e) {
            throw new PublishException(e.getMessage(), e);
        }
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
