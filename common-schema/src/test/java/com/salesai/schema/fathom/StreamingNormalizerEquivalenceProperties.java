package com.salesai.schema.fathom;

import com.salesai.schema.fathom.NormalizationResult.Normalized;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static com.salesai.schema.fathom.Payloads.JSON;
import static com.salesai.schema.fathom.Payloads.NORMALIZER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming normalizer reads every body as the tree-based one did ({@link TreePayloadNormalizer}, the oracle):
 * generated bodies of every format, with fields missing, null or of another type, unknown fields holding nested
 * objects, escaped and French text, duplicate fields, arrays of calls and data-wrapped documents.
 */
class StreamingNormalizerEquivalenceProperties {

    private static final TreePayloadNormalizer ORACLE = new TreePayloadNormalizer();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property(tries = 1500)
    void generatedBodiesNormalizeAsTheTreeReadingDid(@ForAll("bodies") String body) {
        assertSameResult(body);
    }

    @Property(tries = 300)
    void arbitraryStringsNormalizeAsTheTreeReadingDid(@ForAll String body) {
        assertSameResult(body);
    }

    @Property(tries = 50)
    void generatedBodiesNormalize(@ForAll("meetings") JsonNode meeting) {
        // the generator is able to produce the bodies the equivalence is about, not only rejections
        assertThat(NORMALIZER.normalize(JSON.writeValueAsBytes(keepText(meeting)))).isInstanceOf(Normalized.class);
    }

    private static void assertSameResult(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        NormalizationResult streamed = NORMALIZER.normalize(bytes);
        NormalizationResult tree = ORACLE.normalize(bytes);
        if (tree instanceof NormalizationResult.Rejected treeRejection
                && treeRejection.reason().contains("FAIL_ON_TRAILING_TOKENS")) {
            // the tree's reason names a databind feature the streaming reader does not use; both say where
            assertThat(streamed).isInstanceOfSatisfying(NormalizationResult.Rejected.class,
                    r -> assertThat(r.reason()).contains("invalid JSON at line"));
            return;
        }
        assertThat(streamed).isEqualTo(tree);
    }

    private static JsonNode keepText(JsonNode meeting) {
        return ((ObjectNode) meeting).put("title", "Découverte");
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<JsonNode> call = Arbitraries.oneOf(legacyFlat(), nested(), meetings());
        Arbitrary<JsonNode> calls = Arbitraries.oneOf(call, call.list().ofMinSize(1).ofMaxSize(3)
                .map(list -> NODES.arrayNode().addAll(list)));
        Arbitrary<JsonNode> wrapped = Combinators.combine(calls, unknownFields())
                .as((inner, unknown) -> (JsonNode) unknown.put("data", JSON.writeValueAsString(inner)));
        Arbitrary<JsonNode> document = Arbitraries.frequencyOf(
                Tuple.of(4, calls), Tuple.of(1, wrapped),
                Tuple.of(1, wrapped.list().ofMinSize(1).ofMaxSize(2)
                        .map(list -> NODES.arrayNode().addAll(list))));
        return Combinators.combine(document, duplicate()).as(StreamingNormalizerEquivalenceProperties::write);
    }

    /** The document as JSON, an object's first field preceded by a duplicate of it when one is given. */
    private static String write(JsonNode document, Map.Entry<Boolean, JsonNode> duplicate) {
        String json = JSON.writeValueAsString(document);
        if (!duplicate.getKey() || !document.isObject() || document.isEmpty()) {
            return json;
        }
        String first = document.propertyNames().iterator().next();
        return "{" + JSON.writeValueAsString(first) + ":" + JSON.writeValueAsString(duplicate.getValue()) + ","
                + json.substring(1);
    }

    private Arbitrary<Map.Entry<Boolean, JsonNode>> duplicate() {
        return Combinators.combine(Arbitraries.of(true, false), value()).as(Map::entry);
    }

    private Arbitrary<JsonNode> legacyFlat() {
        return object(Map.of(
                "fathom_user_emaill", emails(), "fathom_user_name", names(), "meeting_title", texts(),
                "recording_id", ids(), "recording_duration_in_minutes", minutes(),
                "meeting_scheduled_start_time", instants(), "share_url", urls(), "transcript_plaintext", plaintext()));
    }

    private Arbitrary<JsonNode> nested() {
        return object(Map.of(
                "id", ids(),
                "fathom_user", object(Map.of("name", names(), "email", emails(), "team", names())),
                "meeting", object(Map.of("title", texts(), "scheduled_start_time", instants())),
                "recording", object(Map.of("duration_in_minutes", minutes(), "share_url", urls())),
                "transcript", object(Map.of("plaintext", plaintext()))));
    }

    @Provide
    Arbitrary<JsonNode> meetings() {
        Arbitrary<JsonNode> person = object(Map.of("name", names(), "email", emails(), "team", names(),
                "email_domain", Arbitraries.of("acme.com", "Globex.FR").map(NODES::stringNode)));
        Arbitrary<JsonNode> speaker = Arbitraries.oneOf(names(), object(Map.of("display_name", names(),
                "matched_calendar_invitee_email", emails())));
        Arbitrary<JsonNode> entry = object(Map.of("speaker", speaker, "text", texts(), "timestamp", clocks()));
        Arbitrary<JsonNode> invitee = object(Map.of("name", names(), "email", emails(),
                "is_external", Arbitraries.of("true", "false", "yes").map(NODES::stringNode)));
        Arbitrary<JsonNode> item = object(Map.of("description", texts(), "assignee", person,
                "recording_timestamp", clocks(), "completed", Arbitraries.of(true, false).map(NODES::booleanNode)));
        Arbitrary<JsonNode> highlight = object(Map.of("type", names(), "summary", texts(), "text", texts(),
                "start_time", numbers(), "end_time", numbers()));
        Map<String, Arbitrary<? extends JsonNode>> fields = new HashMap<>(Map.of(
                "recording_id", ids(), "url", urls(), "title", texts(), "meeting_title", texts(),
                "recorded_by", person, "calendar_invitees", array(invitee),
                "transcript", Arbitraries.oneOf(array(entry), plaintext()),
                "default_summary", object(Map.of("markdown_formatted", texts())),
                "action_items", array(item), "highlights", array(highlight)));
        fields.putAll(Map.of("recording_start_time", instants(), "recording_end_time", instants(),
                "scheduled_start_time", instants(), "scheduled_end_time", instants(), "share_url", urls(),
                "transcript_language", Arbitraries.of("fr", "en").map(NODES::stringNode),
                "meeting_type", names(), "calendar_invitees_domains_type",
                Arbitraries.of("only_internal", "one_or_more_external", "other").map(NODES::stringNode)));
        return object(fields);
    }

    /** Each field present or not, its value the given kind or any other value; unknown fields beside them. */
    private Arbitrary<JsonNode> object(Map<String, ? extends Arbitrary<? extends JsonNode>> fields) {
        List<Arbitrary<Map.Entry<String, JsonNode>>> entries = fields.entrySet().stream()
                .map(field -> Arbitraries.frequencyOf(
                                Tuple.of(6, field.getValue().map(JsonNode.class::cast)),
                                Tuple.of(1, value()),
                                Tuple.of(2, Arbitraries.just((JsonNode) NODES.missingNode())))
                        .map(value -> Map.entry(field.getKey(), value)))
                .toList();
        return Combinators.combine(Combinators.combine(entries).as(list -> list), unknownFields())
                .as((list, object) -> {
                    list.stream().filter(e -> !e.getValue().isMissingNode()).forEach(e -> object.set(e.getKey(),
                            e.getValue()));
                    return (JsonNode) object;
                });
    }

    private Arbitrary<ObjectNode> unknownFields() {
        return Combinators.combine(Arbitraries.of("created_at", "extra", "meta", "summary_html", "x-é"),
                        value(), Arbitraries.of(0, 1, 2))
                .as((name, value, count) -> {
                    ObjectNode object = NODES.objectNode();
                    for (int i = 0; i < count; i++) {
                        object.set(name + i, value);
                    }
                    return object;
                });
    }

    /** Any JSON value, nested objects and arrays included. */
    private Arbitrary<JsonNode> value() {
        Supplier<Arbitrary<JsonNode>> scalar = () -> Arbitraries.oneOf(texts(), numbers(), ids(),
                Arbitraries.just(NODES.nullNode()), Arbitraries.of(true, false).map(NODES::booleanNode));
        Arbitrary<JsonNode> inner = Combinators.combine(scalar.get(), scalar.get())
                .as((a, b) -> (JsonNode) NODES.objectNode().set("transcript", NODES.arrayNode().add(a).add(b)));
        return Arbitraries.oneOf(scalar.get(), inner, scalar.get().list().ofMaxSize(3)
                .map(list -> (JsonNode) NODES.arrayNode().addAll(list)));
    }

    private Arbitrary<JsonNode> array(Arbitrary<JsonNode> element) {
        return element.list().ofMaxSize(4).map(list -> (ArrayNode) NODES.arrayNode().addAll(list));
    }

    private Arbitrary<JsonNode> texts() {
        return Arbitraries.oneOf(
                Arbitraries.of("Bonjour Claire, merci d'avoir pris le temps.", "C'est au-dessus de notre budget…",
                        "déjà vu à l'été — ça coûte 3 000 €", "quote \" backslash \\ tab \t newline \n end",
                        "emoji 🎉 and \u2028 separator", "  padded  ", "", " ", "12:34", "null"),
                Arbitraries.strings().ofMaxLength(12)).map(NODES::stringNode);
    }

    private Arbitrary<JsonNode> plaintext() {
        return texts().list().ofMaxSize(4).map(lines -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                text.append(i % 2 == 0 ? "00:0" + i + ":1" + i + " Alice: " : "Bob Leroy: ")
                        .append(lines.get(i).stringValue()).append('\n');
            }
            return NODES.stringNode(text.toString());
        });
    }

    private Arbitrary<JsonNode> names() {
        return Arbitraries.of("Alice Martin", "Élodie Lefèvre", " ", "Bob").map(NODES::stringNode);
    }

    private Arbitrary<JsonNode> emails() {
        return Arbitraries.of("alice@acme.com", "claire@Globex.fr", "no-at", "x@").map(NODES::stringNode);
    }

    private Arbitrary<JsonNode> ids() {
        return Arbitraries.oneOf(Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of("rec-1", "123456789012345678901234567890").map(NODES::stringNode),
                Arbitraries.of(new BigInteger("123456789012345678901234567890")).map(NODES::numberNode));
    }

    private Arbitrary<JsonNode> numbers() {
        return Arbitraries.oneOf(Arbitraries.doubles().map(NODES::numberNode), Arbitraries.integers()
                .map(NODES::numberNode), Arbitraries.of(1.5e300, -0.0, 95.5).map(NODES::numberNode));
    }

    private Arbitrary<JsonNode> minutes() {
        return Arbitraries.oneOf(numbers(), Arbitraries.of("45.5", "12", "NaN", "1e3").map(NODES::stringNode));
    }

    private Arbitrary<JsonNode> clocks() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-5, 100_000).map(NODES::numberNode),
                Arbitraries.of("00:00:05", "1:02:03", "99:59", "1:60:00", "x").map(NODES::stringNode));
    }

    private Arbitrary<JsonNode> instants() {
        return Arbitraries.of("2025-03-04T14:00:00Z", "2025-03-04T16:00:00+02:00", "2025-03-04", "soon")
                .map(NODES::stringNode);
    }

    private Arbitrary<JsonNode> urls() {
        return Arbitraries.of("https://fathom.video/share/xYz-123", "https://evil.example/x", "nope")
                .map(NODES::stringNode);
    }
}
