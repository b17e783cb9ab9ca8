package dev.roundtrip.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roundtrip.trace.MemoryReadout;
import dev.roundtrip.trace.Unavailable;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MemoryProbeTest {
    static volatile Object sink;

    @Test
    void measuresWhatThisThreadAllocatedSinceTheMark() {
        MemoryProbe probe = new MemoryProbe(() -> 5000L);
        for (int i = 0; i < MemoryProbe.COLD_MARKS; i++) probe.read(probe.allocatedMark()); // past the thread's first, cold ones
        MemoryProbe.Mark mark = probe.allocatedMark();
        sink = new byte[4 << 20];
        MemoryReadout m = probe.read(mark);
        assertThat(m.heapUsed()).isPositive();
        if (mark != null) {
            assertThat(m.allocatedBytes()).isBetween(4L << 20, (4L << 20) + 4096);
            assertThat(m.instrumentAllocatedBytes()).isZero();
            assertThat(m.unavailable()).isNull();
            assertThat(m.cold()).isFalse();
        } else {
            assertThat(m.allocatedBytes()).isNull();
            assertThat(m.reason()).contains(Unavailable.PLATFORM);
        }
    }

    @Test
    void directMemoryAddsTheJdkPoolAndTheSuppliedCount() {
        ByteBuffer direct = ByteBuffer.allocateDirect(1 << 20);
        long jdkOnly = new MemoryProbe().directUsed();
        assertThat(jdkOnly).isGreaterThanOrEqualTo(1 << 20);
        assertThat(new MemoryProbe(() -> 7000L).directUsed()).isGreaterThanOrEqualTo(jdkOnly + 7000 - (1 << 16));
        sink = direct;
    }

    @Test
    void instrumentWorkIsCountedApartFromTheProgram() {
        MemoryProbe probe = new MemoryProbe();
        MemoryProbe.Mark mark = probe.allocatedMark();
        assumeTrue(mark != null, "per-thread allocation is not measurable here");
        try (var s = probe.instrument()) {
            sink = new byte[8 << 20];
        }
        sink = new byte[1 << 20];
        MemoryReadout m = probe.read(mark);
        assertThat(m.allocatedBytes()).isBetween(1L << 20, (1L << 20) + 4096);
        assertThat(m.instrumentAllocatedBytes()).isBetween(8L << 20, (8L << 20) + 4096);
    }

    @Test
    void aReadoutInsideInstrumentWorkCountsTheProgramUpToWhereThatWorkBegan() {
        MemoryProbe probe = new MemoryProbe();
        MemoryProbe.Mark mark = probe.allocatedMark();
        assumeTrue(mark != null, "per-thread allocation is not measurable here");
        sink = new byte[1 << 20];
        MemoryReadout inside;
        try (var s = probe.instrument()) {
            sink = new byte[2 << 20];
            try (var nested = probe.instrument()) {
                sink = new byte[1 << 20];
            }
            inside = probe.read(mark);
        }
        assertThat(inside.allocatedBytes()).isBetween(1L << 20, (1L << 20) + 4096);
        assertThat(inside.instrumentAllocatedBytes()).isBetween(3L << 20, (3L << 20) + 4096);
    }

    @Test
    void programCodeCalledFromInstrumentWorkIsTheProgramsAgain() {
        MemoryProbe probe = new MemoryProbe();
        MemoryProbe.Mark mark = probe.allocatedMark();
        assumeTrue(mark != null, "per-thread allocation is not measurable here");
        try (var s = probe.instrument()) {
            sink = new byte[2 << 20];
            int depth = probe.programStart();
            try {
                sink = new byte[1 << 20]; // a gate's action: the program's
            } finally {
                probe.programStop(depth);
            }
            sink = new byte[2 << 20];
        }
        MemoryReadout m = probe.read(mark);
        assertThat(m.allocatedBytes()).isBetween(1L << 20, (1L << 20) + 4096);
        assertThat(m.instrumentAllocatedBytes()).isBetween(4L << 20, (4L << 20) + 4096);
    }

    @Test
    void aMarkOfAnotherThreadIsAnErrorNotAFigure() throws Exception {
        MemoryProbe probe = new MemoryProbe();
        MemoryProbe.Mark mark = CompletableFuture.supplyAsync(probe::allocatedMark).get();
        assumeTrue(mark != null, "per-thread allocation is not measurable here");
        MemoryReadout m = probe.read(mark);
        assertThat(m.allocatedBytes()).isNull();
        assertThat(m.instrumentAllocatedBytes()).isNull();
        assertThat(m.reason()).contains(Unavailable.ERROR);
        assertThat(m.unavailable()).contains("another thread");
    }

    @Test
    void aThreadsFirstMarksAreColdThenWarm() throws Exception {
        MemoryProbe probe = new MemoryProbe();
        assumeTrue(probe.allocatedMark() != null, "per-thread allocation is not measurable here");
        Thread fresh = new Thread(() -> {
            for (int i = 1; i < MemoryProbe.COLD_MARKS; i++) probe.read(probe.allocatedMark());
            sink = probe.read(probe.allocatedMark()).cold();
            sink = new boolean[] {(Boolean) sink, probe.read(probe.allocatedMark()).cold()};
        });
        fresh.start();
        fresh.join(10_000);
        assertThat((boolean[]) sink).containsExactly(true, false);
    }

    @Test
    void loadingAClassDuringTheStageMakesItCold() {
        MemoryProbe probe = new MemoryProbe();
        for (int i = 0; i < MemoryProbe.COLD_MARKS; i++) probe.read(probe.allocatedMark());
        MemoryProbe.Mark mark = probe.allocatedMark();
        assumeTrue(mark != null, "per-thread allocation is not measurable here");
        sink = new Object() {}; // an anonymous class: loaded here for the first time
        assertThat(probe.read(mark).cold()).isTrue();
        MemoryProbe.Mark warm = probe.allocatedMark();
        sink = new byte[16];
        assertThat(probe.read(warm).cold()).isFalse();
    }

    @Test
    void noMarkMeansNoAllocationFigureAndSaysWhy() {
        MemoryReadout m = new MemoryProbe().read(null);
        assertThat(m.allocatedBytes()).isNull();
        assertThat(m.unavailable()).isNotBlank();
    }
}
