package com.salesai.localstack;

import com.salesai.schema.events.EventJson;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A steady stream of signed webhook deliveries through the emulator's relay (which holds the secret): distinct
 * meetings in the four payload formats, each answered non-2xx retried like Svix (same message id, growing delay),
 * and every fifth one delivered a second time after it was accepted (a Svix duplicate). Records, per delivery,
 * every status the sender saw, and how long the slowest non-2xx answer took.
 */
final class WebhookDriver implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);

    /** One meeting sent as one Svix message; {@code title} is unique, so its call can be found on the dashboard. */
    static final class Delivery {
        final String title;
        final String format;
        final String body;
        final String messageId = "msg_" + UUID.randomUUID().toString().replace("-", "");
        final List<Integer> statuses = new CopyOnWriteArrayList<>();
        volatile Instant due = Instant.now();
        volatile boolean duplicateSent;

        Delivery(String title, String format, String body) {
            this.title = title;
            this.format = format;
            this.body = body;
        }

        boolean accepted() {
            return statuses.stream().anyMatch(s -> s >= 200 && s < 300);
        }
    }

    private final String relayUrl;
    private final String destinationSuffix;
    private final String runLabel;
    private final Duration interval;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Queue<Delivery> pending = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean producing = true;
    private volatile boolean running = true;
    private volatile long slowestRejectionMillis;

    WebhookDriver(String emulatorUrl, String userId, String runLabel, Duration interval) {
        this.relayUrl = emulatorUrl + "/emulator/deliveries";
        this.destinationSuffix = "/" + userId;
        this.runLabel = runLabel;
        this.interval = interval;
        this.thread = new Thread(this::loop, "webhook-driver-" + runLabel);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops creating new meetings, keeps retrying until everything was accepted or {@code timeout} passed. */
    void finish(Duration timeout) throws InterruptedException {
        producing = false;
        Instant deadline = Instant.now().plus(timeout);
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        running = false;
        thread.join(30_000);
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Answers with this status over all deliveries and retries (0 = the ingest was unreachable). */
    long answers(int status) {
        return deliveries.stream().flatMap(d -> d.statuses.stream()).filter(s -> s == status).count();
    }

    /** Answers that were not 2xx, over all deliveries and retries; each one was retried. */
    long rejections() {
        return deliveries.stream().flatMap(d -> d.statuses.stream()).filter(s -> s < 200 || s >= 300).count();
    }

    /** How long the sender waited for its slowest non-2xx answer (a 503 must come fast, not after a timeout). */
    Duration slowestRejection() {
        return Duration.ofMillis(slowestRejectionMillis);
    }

    private void loop() {
        Instant nextNew = Instant.now();
        while (running) {
            if (producing && !Instant.now().isBefore(nextNew)) {
                Delivery delivery = newDelivery(deliveries.size());
                deliveries.add(delivery);
                pending.add(delivery);
                nextNew = nextNew.plus(interval);
            }
            for (int i = pending.size(); i > 0; i--) {
                Delivery delivery = pending.poll();
                if (delivery == null) {
                    break;
                }
                if (Instant.now().isBefore(delivery.due)) {
                    pending.add(delivery);
                    continue;
                }
                send(delivery);
            }
            sleep(Duration.ofMillis(50));
        }
    }

    private void send(Delivery delivery) {
        boolean wasAccepted = delivery.accepted();
        long started = System.nanoTime();
        int status = post(delivery);
        delivery.statuses.add(status);
        if (status < 200 || status >= 300) {
            slowestRejectionMillis = Math.max(slowestRejectionMillis, (System.nanoTime() - started) / 1_000_000);
        }
        if (status >= 200 && status < 300) {
            if (!wasAccepted && deliveries.indexOf(delivery) % 5 == 0 && !delivery.duplicateSent) {
                delivery.duplicateSent = true;
                delivery.due = Instant.now().plusMillis(300);
                pending.add(delivery);
            }
            return;
        }
        long failures = delivery.statuses.stream().filter(s -> s < 200 || s >= 300).count();
        long delay = Math.min(MAX_BACKOFF.toMillis(), 250L << Math.min(failures, 6));
        delivery.due = Instant.now().plusMillis(delay);
        pending.add(delivery);
    }

    /** The status the user's ingest endpoint answered the relayed delivery; 0 when unreachable. */
    private int post(Delivery delivery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(relayUrl)).timeout(Duration.ofSeconds(40))
                .header("Content-Type", "application/json").header("webhook-id", delivery.messageId)
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return 0;
            }
            for (JsonNode sent : EventJson.mapper().readTree(response.body()).path("deliveries")) {
                if (sent.path("destinationUrl").asString().endsWith(destinationSuffix)) {
                    return sent.path("status").asInt();
                }
            }
            return 0;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }

    private Delivery newDelivery(int n) {
        String title = "Fault %s call %03d".formatted(runLabel, n);
        String transcript = "Alice Martin: Bonjour, quels sont vos défis sur " + title + " ?\\n"
                + "Claire Client: La prospection et le suivi.\\nAlice Martin: Quel budget avez-vous prévu ?";
        String nested = """
                {"id":"%s","fathom_user":{"email":"alice@acme-sales.test","name":"Alice Martin"},\
                "meeting":{"title":"%s","scheduled_start_time":"2025-01-23T10:00:00Z"},\
                "recording":{"duration_in_minutes":30,"share_url":"https://fathom.video/share/%s"},\
                "transcript":{"plaintext":"%s"}}""".formatted(slug(title), title, slug(title), transcript);
        return switch (n % 4) {
            case 0 -> new Delivery(title, "legacy-flat", """
                    [{"fathom_user_emaill":"alice@acme-sales.test","meeting_title":"%s",\
                    "transcript_plaintext":"%s","recording_duration_in_minutes":"45.5"}]"""
                    .formatted(title, transcript));
            case 1 -> new Delivery(title, "nested", nested);
            case 2 -> new Delivery(title, "data-wrapped",
                    "{\"data\":" + EventJson.mapper().writeValueAsString(nested) + "}");
            default -> new Delivery(title, "fathom-meeting", """
                    {"title":"%s","meeting_title":"%s","recording_id":%d,\
                    "url":"https://fathom.video/calls/%s","share_url":"https://fathom.video/share/%s",\
                    "created_at":"2025-01-23T10:40:00Z","scheduled_start_time":"2025-01-23T10:00:00Z",\
                    "recording_start_time":"2025-01-23T10:01:00Z","recording_end_time":"2025-01-23T10:31:00Z",\
                    "transcript_language":"fr","recorded_by":{"name":"Alice Martin","email":"alice@acme-sales.test",\
                    "email_domain":"acme-sales.test"},"calendar_invitees":[{"name":"Claire Client",\
                    "email":"claire@client.test","email_domain":"client.test","is_external":true}],\
                    "transcript":[{"speaker":{"display_name":"Alice Martin"},"text":"Quels sont vos défis ?",\
                    "timestamp":"00:00:05"},{"speaker":{"display_name":"Claire Client"},\
                    "text":"La prospection.","timestamp":"00:00:12"}]}"""
                    .formatted(title, title, Math.abs((long) title.hashCode()) + 1_000_000L * n, slug(title),
                            slug(title)));
        };
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        producing = false;
        running = false;
        thread.join(30_000);
    }
}
