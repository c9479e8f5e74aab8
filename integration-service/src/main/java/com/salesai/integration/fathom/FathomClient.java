package com.salesai.integration.fathom;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Fathom's external REST API ({@code X-Api-Key} per call, since every user brings their own key). Each call goes
 * through {@link FathomResilience}; failures surface as {@link FathomApiException} subtypes. Never logs keys,
 * secrets or bodies.
 */
public class FathomClient {
    private static final Logger log = LoggerFactory.getLogger(FathomClient.class);
    static final String LIST_MEETINGS = "list_meetings";
    static final String CREATE_WEBHOOK = "create_webhook";
    static final String DELETE_WEBHOOK = "delete_webhook";
    private static final String API_KEY_HEADER = "X-Api-Key";
    private static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    private static final String RATE_LIMIT_RESET = "RateLimit-Reset";
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final RestClient http;
    private final FathomResilience resilience;
    private final MeterRegistry meters;
    private final JsonMapper json = JsonMapper.builder().build();

    /** {@code http}: Boot's builder in the service, so every request is observed and carries the trace. */
    public FathomClient(FathomProperties properties, RestClient.Builder http, MeterRegistry meters) {
        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(properties.readTimeout());
        this.http = http.clone().baseUrl(properties.baseUrl()).requestFactory(requestFactory).build();
        this.resilience = new FathomResilience(properties, meters);
        this.meters = meters;
    }

    /**
     * One page of the meetings visible to this key, newest first.
     *
     * @param withContent adds transcript, summary and action items (what an import needs; a key check does not),
     *                    which makes it a heavy request for Fathom's second rate limit
     */
    public MeetingsPage listMeetings(String apiKey, Caller caller, String cursor, Instant createdAfter,
                                     boolean withContent) {
        return resilience.call(apiKey, caller, withContent, LIST_MEETINGS, permit -> exchange(LIST_MEETINGS, permit,
                () -> http.get()
                        .uri(uri -> meetingsUri(uri, cursor, createdAfter, withContent))
                        .header(API_KEY_HEADER, apiKey)
                        .accept(MediaType.APPLICATION_JSON), this::toPage));
    }

    /**
     * Creates the webhook that posts this user's new recordings to {@code destinationUrl}.
     *
     * @param teamRecordings also recordings the user shared with a team (Fathom Team plans, where
     *                       {@code my_recordings} excludes them)
     */
    public CreatedWebhook createWebhook(String apiKey, Caller caller, String destinationUrl, boolean teamRecordings) {
        ObjectNode body = json.createObjectNode();
        body.put("destination_url", destinationUrl);
        body.put("include_transcript", true);
        body.put("include_action_items", true);
        body.put("include_summary", true);
        body.put("include_crm_matches", false);
        ArrayNode triggers = body.putArray("triggered_for").add("my_recordings").add("shared_external_recordings");
        if (teamRecordings) {
            triggers.add("my_shared_with_team_recordings");
        }
        byte[] requestBody = json.writeValueAsBytes(body);
        return resilience.call(apiKey, caller, false, CREATE_WEBHOOK, permit -> exchange(CREATE_WEBHOOK, permit,
                () -> http.post()
                        .uri("/webhooks")
                        .header(API_KEY_HEADER, apiKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .body(requestBody), this::toWebhook));
    }

    /** Deletes a webhook; one that no longer exists (404) counts as deleted. */
    public void deleteWebhook(String apiKey, Caller caller, String webhookId) {
        resilience.call(apiKey, caller, false, DELETE_WEBHOOK, permit -> {
            try {
                return exchange(DELETE_WEBHOOK, permit, () -> http.delete()
                        .uri(uri -> uri.path("/webhooks/{id}").build(webhookId))
                        .header(API_KEY_HEADER, apiKey), body -> Boolean.TRUE);
            } catch (FathomApiException e) {
                if (e.status() == 404) {
                    log.info("Fathom webhook {} was already gone", webhookId);
                    return Boolean.FALSE;
                }
                throw e;
            }
        });
    }

    private URI meetingsUri(UriBuilder uri, String cursor, Instant createdAfter, boolean withContent) {
        uri.path("/meetings");
        if (withContent) {
            uri.queryParam("include_transcript", true)
                    .queryParam("include_summary", true)
                    .queryParam("include_action_items", true);
        }
        if (cursor != null && !cursor.isBlank()) {
            uri.queryParam("cursor", "{cursor}");
        }
        if (createdAfter != null) {
            uri.queryParam("created_after", "{createdAfter}");
        }
        // Values as template variables so they are encoded ('+' or ':' in a cursor must survive).
        List<Object> values = new ArrayList<>();
        if (cursor != null && !cursor.isBlank()) {
            values.add(cursor);
        }
        if (createdAfter != null) {
            values.add(DateTimeFormatter.ISO_INSTANT.format(createdAfter));
        }
        return uri.build(values.toArray());
    }

    private interface BodyReader<T> {
        T read(byte[] body);
    }

    /** One HTTP attempt; every answer's rate-limit headers go back to the key's budget through {@code permit}. */
    private <T> T exchange(String endpoint, Permit permit, Supplier<RestClient.RequestHeadersSpec<?>> request,
                           BodyReader<T> reader) {
        long started = System.nanoTime();
        String outcome = "io_error";
        try {
            T result = request.get().exchange((req, res) -> {
                int status = res.getStatusCode().value();
                if (status == 429) {
                    permit.limited(retryAfter(res.getHeaders()));
                } else {
                    permit.answered(headerInt(res.getHeaders(), RATE_LIMIT_REMAINING),
                            headerSeconds(res.getHeaders(), RATE_LIMIT_RESET));
                }
                // Read whole so the connection is reused; only a 2xx body is parsed (error bodies are plain text).
                byte[] body = res.getBody().readAllBytes();
                if (status >= 200 && status < 300) {
                    return reader.read(body);
                }
                throw toException(endpoint, status, res.getHeaders());
            }, true);
            outcome = "success";
            return result;
        } catch (FathomApiException e) {
            outcome = outcomeOf(e);
            throw e;
        } catch (ResourceAccessException e) {
            throw new FathomUnavailableException(endpoint, "Fathom unreachable or timed out on " + endpoint, e);
        } finally {
            long nanos = System.nanoTime() - started;
            Timer.builder("fathom.api.requests").description("Fathom API HTTP attempts")
                    .tag("endpoint", endpoint).tag("outcome", outcome)
                    .register(meters).record(nanos, TimeUnit.NANOSECONDS);
            log.debug("Fathom {} -> {} in {} ms", endpoint, outcome, TimeUnit.NANOSECONDS.toMillis(nanos));
        }
    }

    private static String outcomeOf(FathomApiException e) {
        if (e instanceof FathomUnauthorizedException) {
            return "unauthorized";
        }
        if (e instanceof FathomRateLimitedException) {
            return "rate_limited";
        }
        return e instanceof FathomUnavailableException ? "server_error" : "client_error";
    }

    private static FathomApiException toException(String endpoint, int status, HttpHeaders headers) {
        if (status == 401 || status == 403) {
            return new FathomUnauthorizedException(endpoint, status);
        }
        if (status == 429) {
            return new FathomRateLimitedException(endpoint, status, retryAfter(headers));
        }
        if (status >= 500) {
            return new FathomUnavailableException(endpoint, status, "Fathom failed on " + endpoint
                    + " (HTTP " + status + ")");
        }
        return new FathomApiException(endpoint, status, "Fathom rejected " + endpoint + " (HTTP " + status + ")");
    }

    /** {@code Retry-After} (seconds or HTTP date), else {@code RateLimit-Reset} (seconds), else one second. */
    static Duration retryAfter(HttpHeaders headers) {
        String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.strip())));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(retryAfter.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration until = Duration.between(Instant.now(), at.toInstant());
                    return until.isNegative() ? Duration.ZERO : until;
                } catch (RuntimeException notADate) {
                    // fall through to RateLimit-Reset
                }
            }
        }
        Duration reset = headerSeconds(headers, RATE_LIMIT_RESET);
        return reset != null ? reset : DEFAULT_RETRY_AFTER;
    }

    /** A non-negative integer header, or null when absent or unreadable. */
    private static Integer headerInt(HttpHeaders headers, String name) {
        String value = headers.getFirst(name);
        if (value == null) {
            return null;
        }
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    private static Duration headerSeconds(HttpHeaders headers, String name) {
        Integer seconds = headerInt(headers, name);
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    private MeetingsPage toPage(byte[] body) {
        JsonNode root = parse(LIST_MEETINGS, body);
        List<JsonNode> items = new ArrayList<>();
        JsonNode array = root.path("items");
        if (array.isArray()) {
            array.forEach(items::add);
        }
        JsonNode next = root.path("next_cursor");
        return new MeetingsPage(items, next.isString() ? next.asString() : null);
    }

    private CreatedWebhook toWebhook(byte[] body) {
        JsonNode root = parse(CREATE_WEBHOOK, body);
        String id = root.path("id").isMissingNode() || root.path("id").isNull() ? null : root.path("id").asString();
        String secret = root.path("secret").isString() ? root.path("secret").asString() : null;
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            throw new FathomApiException(CREATE_WEBHOOK, 200, "Fathom's webhook response lacks id or secret");
        }
        return new CreatedWebhook(id, secret);
    }

    private JsonNode parse(String endpoint, byte[] body) {
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            throw new FathomApiException(endpoint, 200, "Fathom answered " + endpoint + " with invalid JSON");
        }
    }
}
