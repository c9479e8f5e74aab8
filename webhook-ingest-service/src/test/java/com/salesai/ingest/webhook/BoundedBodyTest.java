package com.salesai.ingest.webhook;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedBodyTest {
    private static final Instant T0 = Instant.parse("2025-03-04T15:00:00Z");
    private static final Instant DEADLINE = T0.plusSeconds(10);

    private final MovableClock clock = new MovableClock(T0);

    @Test
    void aBodyWithAContentLengthIsReadIntoOneArrayOfThatLengthAndNoFurther() {
        byte[] sent = randomBytes(200_000);
        ByteArrayInputStream in = new ByteArrayInputStream(sent);

        BoundedBody.Result result = BoundedBody.read(in, 150_000, 1_000_000, clock, DEADLINE);

        assertThat(result).isInstanceOfSatisfying(BoundedBody.Result.Complete.class,
                complete -> assertThat(complete.bytes()).hasSize(150_000)
                        .isEqualTo(Arrays.copyOf(sent, 150_000)));
        assertThat(in.available()).isEqualTo(50_000);
    }

    @Test
    void aBodyShorterThanItsContentLengthEndedIncomplete() {
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[10]), 100, 1000, clock, DEADLINE))
                .isEqualTo(new BoundedBody.Result.Ended(10));
    }

    @Test
    void aSenderSlowerThanTheDeadlineIsCutOffBetweenReads() {
        InputStream trickle = new InputStream() {
            public int read() {
                return 'x';
            }

            public int read(byte[] b, int off, int len) {
                clock.advance(Duration.ofSeconds(1));
                b[off] = 'x';
                return 1;
            }
        };

        assertThat(BoundedBody.read(trickle, 1000, 1000, clock, DEADLINE))
                .isEqualTo(new BoundedBody.Result.TimedOut(10));
    }

    @Test
    void aReadThatTimesOutInTomcatIsATimeoutAndAnyOtherFailureAnIncompleteBody() {
        assertThat(BoundedBody.read(failing(new IOException(new SocketTimeoutException())), 100, 1000, clock,
                DEADLINE)).isEqualTo(new BoundedBody.Result.TimedOut(0));
        assertThat(BoundedBody.read(failing(new IOException("connection reset")), 100, 1000, clock, DEADLINE))
                .isEqualTo(new BoundedBody.Result.Ended(0));
    }

    @Test
    void aChunkedBodyOfManyPiecesIsJoinedWholeUpToTheLimit() {
        byte[] sent = randomBytes(300_000);

        assertThat(BoundedBody.read(new ByteArrayInputStream(sent), -1, 300_000, clock, DEADLINE))
                .isInstanceOfSatisfying(BoundedBody.Result.Complete.class,
                        complete -> assertThat(complete.bytes()).isEqualTo(sent));
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[0]), -1, 300_000, clock, DEADLINE))
                .isInstanceOfSatisfying(BoundedBody.Result.Complete.class,
                        complete -> assertThat(complete.bytes()).isEmpty());
    }

    @Test
    void aChunkedBodyIsReadNoFurtherThanOneByteOverTheLimit() {
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[1_000_000]);

        assertThat(BoundedBody.read(in, -1, 100_000, clock, DEADLINE)).isInstanceOf(BoundedBody.Result.TooLong.class);
        assertThat(in.available()).isEqualTo(1_000_000 - 100_001);
    }

    @Test
    void whatIsLeftOfABodyIsThrownAwayToItsEndOrTheDeadline() {
        ByteArrayInputStream rest = new ByteArrayInputStream(new byte[100_000]);
        BoundedBody.discard(rest, clock, DEADLINE);
        assertThat(rest.available()).isZero();

        InputStream endless = new InputStream() {
            public int read() {
                return 0;
            }

            public int read(byte[] b, int off, int len) {
                clock.advance(Duration.ofSeconds(1));
                return len;
            }
        };
        BoundedBody.discard(endless, clock, DEADLINE);
        assertThat(clock.instant()).isEqualTo(DEADLINE);
    }

    private static InputStream failing(IOException failure) {
        return new InputStream() {
            public int read() throws IOException {
                throw failure;
            }
        };
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
