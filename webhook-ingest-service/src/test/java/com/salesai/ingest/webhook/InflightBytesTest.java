package com.salesai.ingest.webhook;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class InflightBytesTest {

    @Test
    void reservationsUpToTheBudgetAreGrantedAndOneByteMoreIsRefused() {
        InflightBytes budget = new InflightBytes(100);

        Optional<InflightBytes.Reservation> first = budget.tryReserve(60);
        Optional<InflightBytes.Reservation> second = budget.tryReserve(40);

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(budget.reserved()).isEqualTo(100);
        assertThat(budget.tryReserve(1)).isEmpty();
        assertThat(budget.tryReserve(0)).as("an empty body takes nothing").isPresent();
        assertThat(budget.reserved()).isEqualTo(100);
    }

    @Test
    void closingAReservationGivesItsBytesBackOnce() {
        InflightBytes budget = new InflightBytes(100);
        InflightBytes.Reservation held = budget.tryReserve(70).orElseThrow();
        InflightBytes.Reservation other = budget.tryReserve(30).orElseThrow();

        held.close();
        held.close();

        assertThat(budget.reserved()).isEqualTo(30);
        assertThat(budget.tryReserve(71)).isEmpty();
        assertThat(budget.tryReserve(70)).isPresent();
        other.close();
        assertThat(budget.reserved()).isEqualTo(70);
    }

    @Test
    void aReservationLargerThanTheWholeBudgetIsRefusedWithoutOverflow() {
        InflightBytes budget = new InflightBytes(100);
        budget.tryReserve(50).orElseThrow();

        assertThat(budget.tryReserve(Long.MAX_VALUE)).isEmpty();
        assertThat(budget.reserved()).isEqualTo(50);
    }

    @Test
    void concurrentSendersNeverHoldMoreThanTheBudget() throws Exception {
        InflightBytes budget = new InflightBytes(1_000);
        AtomicLong mostHeld = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            senders.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < 20_000; i++) {
                    Optional<InflightBytes.Reservation> reservation = budget.tryReserve(1 + i % 300);
                    if (reservation.isPresent()) {
                        mostHeld.accumulateAndGet(budget.reserved(), Math::max);
                        reservation.get().close();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> sender : senders) {
            sender.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(mostHeld.get()).isPositive().isLessThanOrEqualTo(1_000);
        assertThat(budget.reserved()).isZero();
    }
}
