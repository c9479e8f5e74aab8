package com.salesai.bench.dashboard;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

/**
 * Writes {@code count} evaluated calls straight into dashboard-api's {@code call_records} collection, in the document
 * shape its projection writes (Spring Data's mapping of {@code CallRecord}: flat {@code orgId/userId/status} and
 * {@code effectiveScore} (the AI's: no call is reviewed), a {@code recorded} part with {@code startedAt},
 * {@code weekStart}, {@code repName}..., an {@code analysis} part with {@code overallScore}, {@code outcome},
 * {@code repTalkRatio}), and {@code criteria}, five criterion scores that count. Transcripts, metrics and evaluations
 * are left out
 * (list and summary queries never read them). Calls are spread over {@value #REPS} reps in {@value #ORGS} orgs and
 * the {@value #DAYS} days before {@code end}; deterministic.
 */
public final class CallRecordSeed {
    static final String DATABASE = "fathom_dashboard";
    static final String COLLECTION = "call_records";
    static final int ORGS = 3;
    static final int REPS = 20;
    static final int DAYS = 365;
    private static final String[] OUTCOMES = {"won", "advanced", "stalled", "lost", "no_decision"};
    /** The default scorecard's criteria, each scored 1..5 on every seeded call (the summary averages them). */
    static final String[] CRITERIA = {"discovery", "qualification", "value_proposition", "objection_handling",
            "next_steps"};
    private static final int BATCH = 1_000;

    private CallRecordSeed() {
    }

    static String orgOf(int rep) {
        return "org-" + (rep % ORGS);
    }

    static String userOf(int rep) {
        return "rep-" + rep;
    }

    /**
     * Inserts the calls (the collection should be empty) and returns how many it wrote. dashboard-api's indexes of
     * {@code call_records} are created first, as the service does on its first start before any call arrives: the
     * embedded store ignores them for queries but builds each one over every document when it is created on a full
     * collection (two scans of 100 000 documents each, some 40 s per index on this machine), which is not what a
     * deployment pays.
     */
    public static long seed(String mongoUri, int count, Instant end) {
        Random random = new Random(7);
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> calls = client.getDatabase(DATABASE).getCollection(COLLECTION);
            createServiceIndexes(calls);
            List<Document> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < count; i++) {
                batch.add(call(i, random, end));
                if (batch.size() == BATCH) {
                    calls.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                calls.insertMany(batch);
            }
            return calls.countDocuments();
        }
    }

    /** The same names and keys as dashboard-api's {@code CallRecordIndexes} (a differing spec fails its start-up). */
    static void createServiceIndexes(MongoCollection<Document> calls) {
        calls.createIndex(Indexes.compoundIndex(Indexes.ascending("orgId"), Indexes.descending("recorded.startedAt"),
                Indexes.ascending("_id")), new IndexOptions().name("org_startedAt_id"));
        calls.createIndex(Indexes.compoundIndex(Indexes.ascending("orgId"), Indexes.ascending("userId"),
                Indexes.descending("recorded.startedAt"), Indexes.ascending("_id")),
                new IndexOptions().name("org_user_startedAt_id"));
        calls.createIndex(Indexes.compoundIndex(Indexes.ascending("orgId"), Indexes.ascending("status"),
                Indexes.descending("recorded.startedAt"), Indexes.ascending("_id")),
                new IndexOptions().name("org_status_startedAt_id"));
    }

    private static List<Document> criteria(Random random) {
        List<Document> scores = new ArrayList<>(CRITERIA.length);
        for (String key : CRITERIA) {
            scores.add(new Document("key", key).append("label", key.replace('_', ' '))
                    .append("score", 1 + random.nextInt(5)));
        }
        return scores;
    }

    static Document call(int i, Random random, Instant end) {
        int rep = random.nextInt(REPS);
        String orgId = orgOf(rep);
        String userId = userOf(rep);
        Instant startedAt = end.minusSeconds(1 + (long) (random.nextDouble() * DAYS * 86_400L));
        String weekStart = startedAt.atZone(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
        Date started = Date.from(startedAt);
        String repName = "Rep " + rep;
        Document recorded = new Document("occurredAt", started).append("orgId", orgId).append("userId", userId)
                .append("repName", repName).append("repEmail", userId + "@acme-sales.test")
                .append("title", (i % 3 == 0 ? "Discovery call " : i % 3 == 1 ? "Demo " : "Negotiation ") + i)
                .append("startedAt", started).append("weekStart", weekStart)
                .append("durationSeconds", 600 + random.nextInt(3_000)).append("source", "webhook")
                .append("externalInviteeCount", 1 + random.nextInt(3))
                .append("shareUrl", "https://fathom.video/share/" + i).append("language", "fr")
                .append("participants", List.of(new Document("name", "Prospect " + i)
                        .append("email", "prospect" + i + "@globex.test").append("emailDomain", "globex.test")
                        .append("external", true)))
                .append("transcript", List.of()).append("actionItems", List.of());
        int overallScore = 30 + random.nextInt(70);
        Document analysis = new Document("analyzedAt", Date.from(startedAt.plusSeconds(3_700)))
                .append("orgId", orgId).append("userId", userId).append("mode", "llm").append("model", "bench")
                .append("promptVersion", "bench-1").append("overallScore", overallScore)
                .append("outcome", OUTCOMES[random.nextInt(OUTCOMES.length)])
                .append("repTalkRatio", Math.round((0.3 + random.nextDouble() * 0.5) * 1000) / 1000.0);
        return new Document("_id", "bench-call-" + i).append("revision", 2L).append("orgId", orgId)
                .append("userId", userId).append("status", "evaluated").append("effectiveScore", overallScore)
                .append("criteria", criteria(random))
                .append("recorded", recorded)
                .append("analysis", analysis)
                .append("_class", "com.salesai.dashboard.projection.CallRecord");
    }
}
