package com.salesai.bench.dashboard;

import com.salesai.bench.Benchmark;
import com.salesai.bench.Progress;
import com.salesai.bench.RunContext;
import com.salesai.bench.ingest.ChildJvm;
import com.salesai.bench.ingest.LoadDriver;
import com.salesai.bench.ingest.LoadResult;
import com.salesai.bench.ingest.LoadSpec;
import com.salesai.bench.ingest.ServiceAndDriverRecording;
import com.salesai.bench.report.Figure;
import com.salesai.bench.report.Goal;
import com.salesai.bench.report.Section;
import com.salesai.localstack.BenchInfrastructure;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * dashboard-api query latency on a seeded read model. Starts the local stack's embedded KRaft broker and
 * MongoDB-compatible server, writes the calls straight into {@code call_records} ({@link CallRecordSeed}), starts
 * dashboard-api from its jar as a child JVM, then runs a closed loop of {@code GET /api/calls} (filtered, paged) and
 * then of {@code GET /api/dashboard/summary}, each with a head_of_sales dev JWT of one org.
 */
public final class DashboardQueryBenchmark implements Benchmark {
    static final String TITLE = "Dashboard query latency";
    static final Goal LIST_P95_GOAL = Goal.below(100, "ms", "issue 22");
    static final Goal SUMMARY_P95_GOAL = Goal.below(50, "ms", "issue 22");
    private static final String DEV_SECRET = "bench-dev-secret-0123456789-abcdefghijklmnop";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(8);
    private static final String[] STATUS_FILTERS = {"", "&status=evaluated"};
    private static final String[] OUTCOME_FILTERS = {"", "&outcome=won", "&outcome=lost"};

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Section run(RunContext context) throws Exception {
        Settings settings = context.quick() ? Settings.QUICK : Settings.FULL;
        Path work = context.freshWorkDir();
        Path jar = context.requireServiceJar("dashboard-api");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant end = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        String token = BenchInfrastructure.devToken(DEV_SECRET, "head-0", CallRecordSeed.orgOf(0), "head_of_sales",
                "Head of Sales", "head@acme-sales.test", Duration.ofHours(2));
        LoadDriver driver = new LoadDriver(LoadDriver.loopbackClient());
        Measured calls;
        Measured byScore;
        Measured summary;
        long seeded;
        long seedMillis;
        long readyMillis;
        try (BenchInfrastructure infrastructure = BenchInfrastructure.start(work.resolve("data"), 3)) {
            long seedStart = System.nanoTime();
            seeded = CallRecordSeed.seed(infrastructure.mongoUri(), settings.calls(), end);
            seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
            Progress.say("seeded " + seeded + " call records in " + seedMillis + " ms");
            Map<String, String> env = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrap(),
                    "MONGODB_URI", infrastructure.mongoUri(),
                    "SPRING_PROFILES_ACTIVE", "embedded-mongo",
                    "APP_AUTH_DEV_SECRET", DEV_SECRET);
            try (ChildJvm jvm = ChildJvm.start("dashboard-api", List.of("-jar", jar.toString()), env,
                    BenchInfrastructure.freePort(), work.resolve("logs"))) {
                long startedAt = System.nanoTime();
                jvm.awaitReady("/readyz", READY_TIMEOUT);
                readyMillis = (System.nanoTime() - startedAt) / 1_000_000;
                Progress.say("dashboard-api ready in " + readyMillis + " ms (log " + jvm.log() + ")");
                // each endpoint profiled (dashboard-api and the MongoDB stand-in) while measured
                ChildJvm profiled = context.quick() ? null : jvm;
                calls = measure("GET /api/calls", driver, settings.warmUp(), settings.measured(),
                        n -> get(jvm.url() + callsPath(n, today, false), token), profiled, work.resolve("calls"));
                byScore = measure("GET /api/calls sorted by score", driver, settings.scoreWarmUp(),
                        settings.scoreMeasured(), n -> get(jvm.url() + callsPath(n, today, true), token), profiled,
                        work.resolve("by-score"));
                summary = measure("GET /api/dashboard/summary", driver, settings.warmUp(), settings.measured(),
                        n -> get(jvm.url() + summaryPath(n, today), token), profiled, work.resolve("summary"));
            }
        }
        return section(calls, byScore, summary, seeded, seedMillis, readyMillis, settings, context.quick());
    }

    /**
     * Filtered, paged lists of the org: a 90-day window ending a few weeks back, varying filters and page, newest
     * first or by score.
     */
    static String callsPath(long n, LocalDate today, boolean byScore) {
        LocalDate to = today.minusDays(7 * (n % 8));
        LocalDate from = to.minusDays(89);
        return "/api/calls?from=" + from + "&to=" + to + STATUS_FILTERS[(int) (n % STATUS_FILTERS.length)]
                + OUTCOME_FILTERS[(int) (n % OUTCOME_FILTERS.length)] + "&page=" + (n % 5) + "&size=20"
                + (byScore ? "&sort=overallScore,desc" : "");
    }

    /** The default 30-day summary and, one in three, a 90-day one ending earlier. */
    static String summaryPath(long n, LocalDate today) {
        if (n % 3 != 2) {
            return "/api/dashboard/summary";
        }
        LocalDate to = today.minusDays(30 * (n % 4));
        return "/api/dashboard/summary?from=" + to.minusDays(89) + "&to=" + to;
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
    }

    /** {@code profiled}: the JVM to profile with the driver's during the measurement, or null. */
    private static Measured measure(String name, LoadDriver driver, LoadSpec warmUpSpec, LoadSpec measuredSpec,
                                    LongFunction<HttpRequest> requests, ChildJvm profiled, Path work)
            throws Exception {
        LoadResult warmUp = driver.run(warmUpSpec, requests, status -> status == 200);
        Progress.say(name + " warm-up: " + warmUp);
        if (warmUp.successes() == 0) {
            throw new IllegalStateException(name + " answered nothing during warm-up; first failure: "
                    + warmUp.firstFailure());
        }
        ServiceAndDriverRecording recording = profiled == null ? null : ServiceAndDriverRecording.start(profiled);
        LoadResult result = driver.run(measuredSpec, requests, status -> status == 200);
        Progress.say(name + " measured: " + result);
        return new Measured(name, result, recording == null ? null
                : recording.stop(Files.createDirectories(work), "dashboard-api"));
    }

    static Section section(Measured calls, Measured byScore, Measured summary, long seeded, long seedMillis,
                           long readyMillis, Settings settings, boolean quick) {
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.context("dashboard-api ready (incl. the one-time day-bucket build)", readyMillis, "ms",
                "JVM start to readiness, over " + seeded + " records"));
        for (Measured measured : List.of(calls, byScore, summary)) {
            LoadResult result = measured.result();
            Goal goal = measured == summary ? SUMMARY_P95_GOAL : LIST_P95_GOAL;
            figures.add(Figure.of(measured.name() + " p95", result.percentileMillis(95), "ms", goal,
                    result.outcome()));
            figures.add(Figure.context(measured.name() + " p50", result.percentileMillis(50), "ms", ""));
            figures.add(Figure.context(measured.name() + " throughput", result.requestsPerSecond(), "req/s", ""));
        }
        String method = String.format(Locale.ROOT, "%d call records (%d reps in %d orgs, spread over the %d days"
                        + " before today, all evaluated) written straight into dashboard-api's `call_records` with"
                        + " `mongodb-driver-sync` over the Mongo wire protocol, in the document shape its projection"
                        + " writes (took %d ms) — far faster than replaying %d × 2 events through Kafka, and the"
                        + " projection is not what is measured; each call carries the five criterion scores that"
                        + " count (`criteria`, which the summary averages), while transcripts, metrics and"
                        + " evaluations are left out of the documents since lists and summaries never read them."
                        + " dashboard-api runs from its jar"
                        + " in a child JVM (`%s`, profile embedded-mongo, HS256 dev JWTs) against the local stack's"
                        + " embedded KRaft broker and MongoDB-compatible server (mongo-java-server, H2 backend, in the"
                        + " driver's JVM). Closed-loop load over loopback, %d concurrent clients, one head_of_sales"
                        + " token of org-0 (about a third of the calls): `GET /api/calls` with a 90-day window, status"
                        + " / outcome filters, pages 0-4 of 20, newest first; then the same lists sorted by score"
                        + " (warm-up %s, measurement %s); then `GET /api/dashboard/summary`, the default 30 days and"
                        + " one in three a 90-day range. Per endpoint otherwise: warm-up %s, then measurement %s"
                        + " (whichever bound comes first).%s",
                seeded, CallRecordSeed.REPS, CallRecordSeed.ORGS, CallRecordSeed.DAYS, seedMillis, seeded,
                String.join(" ", ChildJvm.JVM_FLAGS), settings.measured().concurrency(),
                settings.scoreWarmUp().bounds(), settings.scoreMeasured().bounds(),
                settings.warmUp().bounds(), settings.measured().bounds(),
                quick ? " QUICK trial settings (a small seed): figures are meaningless." : "");
        List<String> notes = new ArrayList<>();
        notes.add("**Read plan relied on**: every list with a date window and every summary reads dashboard-api's"
                + " derived collections by `_id` only (`_id $in`), the one index every MongoDB-compatible store uses,"
                + " mongo-java-server included (it ignores every other index). `call_days` holds, per `orgId|day`"
                + " (UTC), the slim copies of that day's calls newest-first (about 90 per org-day here);"
                + " `call_day_totals` (same `_id`) their counts and sums per (rep, status, outcome), and"
                + " `call_week_totals` (`orgId|week|monday`) the same added up per ISO week. The projection rewrites"
                + " the day, its totals and its week after each call-record write (idempotent by callId and record"
                + " revision); at start-up dashboard-api builds them from `call_records` when its marker is missing,"
                + " as here after the direct seed (the ready figure includes that one scan). `GET /api/calls` sorted"
                + " by start: `totalItems` from the window's week and day totals (about 13 + 6 small documents for"
                + " 90 days), then day buckets a week at a time, newest first, until the page is filled (pages 0-4"
                + " of 20 touch one or two weeks); sorted by score: `totalItems` from the same totals, the page from"
                + " a sorted query on `call_records`, which a real MongoDB walks on its score indexes"
                + " (`docs/call-records-score-indexes.md`) and the stand-in answers by scanning the collection."
                + " `GET /api/dashboard/summary`: the week and day totals of the range and of the previous period"
                + " (about 10 documents for 30 days, 40 for"
                + " 90) and the caller's latest review (`rep_last_reviews`, one document by `_id`). `call_records` is"
                + " still read by `_id` for a call's detail and queried for lists sorted by score, without a window"
                + " or with text search; on a real MongoDB those"
                + " use the compound indexes dashboard-api keeps creating (`org_startedAt`, `org_user_startedAt`,"
                + " `org_status_startedAt`). The seed creates those indexes before inserting, as the service does on"
                + " an empty database: built over a full collection, each costs the embedded store two full scans"
                + " (about 40 s each, the start-up delay seen before).");
        ServiceAndDriverRecording.Profiles profiles = calls.profiles();
        if (profiles != null && profiles.service() != null) {
            notes.add(profiles.service().markdown("JFR profile of dashboard-api during the `GET /api/calls`"
                    + " measurement (`com.salesai` frames are labelled \"ingest/common-schema code\" by the shared"
                    + " summarizer; here they are dashboard-api's code)"));
        }
        if (profiles != null) {
            notes.add(profiles.driver().markdown("JFR profile of the driver JVM (load driver, embedded broker and"
                    + " MongoDB-compatible server) during the `GET /api/calls` measurement"));
        }
        if (summary.profiles() != null && summary.profiles().service() != null) {
            notes.add(summary.profiles().service().markdown("JFR profile of dashboard-api during the"
                    + " `GET /api/dashboard/summary` measurement"));
        }
        if (figures.stream().anyMatch(Figure::missed)) {
            notes.add(DashboardBounds.note(settings.measured().concurrency(), calls, byScore, summary));
        }
        return new Section(TITLE, method, figures, notes);
    }

    record Measured(String name, LoadResult result, ServiceAndDriverRecording.Profiles profiles) {
    }

    /** Score-sorted lists get shorter bounds: on the stand-in each scans the records (seconds a request). */
    record Settings(int calls, LoadSpec warmUp, LoadSpec measured, LoadSpec scoreWarmUp, LoadSpec scoreMeasured) {
        static final Settings FULL = new Settings(100_000, new LoadSpec(8, 200, Duration.ofSeconds(20)),
                new LoadSpec(8, 2_000, Duration.ofSeconds(30)), new LoadSpec(8, 200, Duration.ofSeconds(10)),
                new LoadSpec(8, 2_000, Duration.ofSeconds(20)));
        static final Settings QUICK = new Settings(2_000, new LoadSpec(8, 16, Duration.ofSeconds(10)),
                new LoadSpec(8, 40, Duration.ofSeconds(10)), new LoadSpec(8, 16, Duration.ofSeconds(10)),
                new LoadSpec(8, 40, Duration.ofSeconds(10)));
    }
}
