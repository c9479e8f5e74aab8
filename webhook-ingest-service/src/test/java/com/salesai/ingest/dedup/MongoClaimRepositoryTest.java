package com.salesai.ingest.dedup;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.salesai.ingest.config.IngestProperties;
import com.salesai.testsupport.InMemoryMongoServer;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The claims of a delivery against a MongoDB-compatible server, counting the commands the driver sends. */
class MongoClaimRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final ClaimKey WEBHOOK = ClaimKey.webhook("user-1", "msg-1");
    private static final ClaimKey CALL = ClaimKey.call("org-1", "call-1");
    private static final List<ClaimKey> DELIVERY = List.of(WEBHOOK, CALL);

    private final InMemoryMongoServer server = InMemoryMongoServer.start();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<BsonDocument> updateFilters = new CopyOnWriteArrayList<>();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(server.uri()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    commands.add(event.getCommandName());
                    if (event.getCommandName().equals("update")) {
                        event.getCommand().getArray("updates")
                                .forEach(update -> updateFilters.add(update.asDocument().getDocument("q").clone()));
                    }
                }
            })
            .build());
    private final MongoClaimRepository repository = new MongoClaimRepository(new MongoTemplate(client, "fathom_ingest"),
            new IngestProperties(0, null, null, null, null, null, null));
    private final DeliveryClaims claims = new DeliveryClaims(repository, Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofSeconds(60), Duration.ZERO, Duration.ofMillis(10), d -> { });

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private static List<String> covered(ClaimKey key) {
        return List.of("call-1");
    }

    @Test
    void aNewDeliveryIsTwoRoundTripsClaimedAndMarkedPublished() {
        commands.clear();

        List<DeliveryClaims.Outcome> outcomes = claims.claimInOrder(DELIVERY, MongoClaimRepositoryTest::covered, "a");
        claims.markAllPublished(DELIVERY, MongoClaimRepositoryTest::covered);

        assertThat(outcomes).allMatch(o -> o instanceof DeliveryClaims.Outcome.Claimed);
        assertThat(commands).containsExactly("insert", "update");
        assertThat(repository.find(WEBHOOK)).hasValueSatisfying(c -> assertThat(c.state())
                .isEqualTo(Claim.State.PUBLISHED));
        assertThat(repository.find(CALL)).hasValueSatisfying(c -> assertThat(c.state())
                .isEqualTo(Claim.State.PUBLISHED));
    }

    /** mongo-java-server serves only a filter on exactly {@code _id} from its index; any other field scans it all. */
    @Test
    void thePublishMarkFiltersOnTheIdAloneSoNoStoreScansTheClaims() {
        claims.claimInOrder(DELIVERY, MongoClaimRepositoryTest::covered, "a");
        updateFilters.clear();

        claims.markAllPublished(DELIVERY, MongoClaimRepositoryTest::covered);

        assertThat(updateFilters).hasSize(2).allSatisfy(filter -> assertThat(filter.keySet()).containsExactly("_id"));
    }

    @Test
    void theInsertReportsWhichKeysAreTakenAndInsertsTheOthers() {
        claims.claimInOrder(List.of(CALL), MongoClaimRepositoryTest::covered, "a");

        assertThat(repository.insertAllPending(DELIVERY, MongoClaimRepositoryTest::covered, "b", NOW))
                .containsExactly(CALL);
        assertThat(repository.find(WEBHOOK)).hasValueSatisfying(c -> assertThat(c.owner()).isEqualTo("b"));
        assertThat(repository.find(CALL)).hasValueSatisfying(c -> assertThat(c.owner()).isEqualTo("a"));
    }

    @Test
    void aWebhookIdNeverMeetsACallIdOfTheSameParts() {
        ClaimKey lookalike = ClaimKey.call("user-1", "msg-1");

        assertThat(repository.insertAllPending(List.of(WEBHOOK, lookalike), MongoClaimRepositoryTest::covered, "a",
                NOW)).isEmpty();
    }

    @Test
    void anErasedCallStaysErasedWhenItsDeliveryIsMarkedPublished() {
        claims.claimInOrder(DELIVERY, MongoClaimRepositoryTest::covered, "a");
        claims.markErased("org-1", "call-1");

        claims.markAllPublished(DELIVERY, MongoClaimRepositoryTest::covered);

        assertThat(repository.find(CALL)).hasValueSatisfying(c -> assertThat(c.state())
                .isEqualTo(Claim.State.ERASED));
        assertThat(repository.find(WEBHOOK)).hasValueSatisfying(c -> assertThat(c.state())
                .isEqualTo(Claim.State.PUBLISHED));
    }
}
