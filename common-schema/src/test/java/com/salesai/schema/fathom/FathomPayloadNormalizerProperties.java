package com.salesai.schema.fathom;

import com.salesai.schema.fathom.NormalizationResult.Normalized;
import com.salesai.schema.fathom.NormalizationResult.Rejected;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static com.salesai.schema.fathom.Payloads.JSON;
import static com.salesai.schema.fathom.Payloads.NORMALIZER;
import static com.salesai.schema.fathom.Payloads.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** The normalizer faces the internet: whatever arrives, it answers with a well-formed result and never throws. */
class FathomPayloadNormalizerProperties {

    private static final List<String> VALID = List.of(
            resource("seed-legacy-flat.json"), resource("seed-nested.json"), resource("seed-data-wrapped.json"),
            resource("meeting-full.json"));

    @Property(tries = 500)
    void arbitraryBytes(@ForAll byte[] body) {
        assertWellFormed(NORMALIZER.normalize(body));
    }

    @Property(tries = 500)
    void arbitraryStrings(@ForAll String body) {
        assertWellFormed(NORMALIZER.normalize(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 500)
    void truncatedValidPayloads(@ForAll("validPayloads") String payload, @ForAll double fraction) {
        String truncated = payload.substring(0, (int) (payload.length() * Math.abs(fraction % 1)));
        assertWellFormed(NORMALIZER.normalize(truncated.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 1000)
    void mutatedValidPayloads(@ForAll("mutatedPayloads") String body) {
        assertWellFormed(NORMALIZER.normalize(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> validPayloads() {
        return Arbitraries.of(VALID);
    }

    /** Up to five mutations, each dropping, renaming or retyping one field anywhere in the tree. */
    @Provide
    Arbitrary<String> mutatedPayloads() {
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.of(MutationKind.values()), Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(replacements()))
                .as(Mutation::new);
        return Combinators.combine(validPayloads(), mutation.list().ofMaxSize(5))
                .as((payload, mutations) -> {
                    JsonNode tree = JSON.readTree(payload);
                    mutations.forEach(m -> m.apply(tree));
                    return JSON.writeValueAsString(tree);
                });
    }

    private static List<JsonNode> replacements() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return List.of(nodes.nullNode(), nodes.booleanNode(true), nodes.numberNode(-1), nodes.numberNode(1e300),
                nodes.stringNode(""), nodes.stringNode("12:34:56"), nodes.stringNode("{\"data\":\"x\"}"),
                nodes.arrayNode(), nodes.objectNode(), nodes.arrayNode().add(nodes.objectNode().put("text", 1)));
    }

    private static void assertWellFormed(NormalizationResult result) {
        assertThat(result).isNotNull();
        if (result instanceof Normalized normalized) {
            assertThat(normalized.calls()).isNotEmpty().allSatisfy(call -> assertThat(call.sourceFormat()).isNotNull());
        } else {
            assertThat(((Rejected) result).reason()).isNotBlank();
        }
    }

    private enum MutationKind { DROP, RENAME, RETYPE }

    private record Mutation(MutationKind kind, int pick, JsonNode replacement) {

        void apply(JsonNode root) {
            List<ObjectNode> objects = new ArrayList<>();
            collectObjects(root, objects);
            ObjectNode target = objects.get(pick % objects.size());
            List<String> names = new ArrayList<>(target.propertyNames());
            if (names.isEmpty()) {
                return;
            }
            String name = names.get(pick % names.size());
            switch (kind) {
                case DROP -> target.remove(name);
                case RENAME -> target.set(name + "_x", target.remove(name));
                case RETYPE -> target.set(name, replacement.deepCopy());
            }
        }

        private static void collectObjects(JsonNode node, List<ObjectNode> into) {
            if (node instanceof ObjectNode object) {
                into.add(object);
            }
            node.values().forEach(child -> collectObjects(child, into));
        }
    }
}
